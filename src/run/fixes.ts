/** `--fix`: which certain corrections of a row apply, and the row they make (checked again before it is kept). */
import type { RecordAssets } from '../assets/types.js';
import type { Engine } from '../engine/engine.js';
import type { Finding } from '../engine/types.js';
import type { FieldKey } from '../model/fields.js';
import { buildRecord, type CertRecord, type ColumnMap, type FieldCell } from '../model/record.js';
import type { CheckedRow } from '../report/sink.js';
import type { CellFix } from '../report/types.js';

/**
 * `--fix`, safe by construction. A row's fixes apply only when
 * - no two findings want different values for one cell (a row whose fixes contradict each other gets none),
 * - no rule crashed on the row,
 * - every cell a fix was derived from (`from`: the level for region and authority, the level, series and
 *   year for a committee name…) is uncontested: no error or warning without a fix names it (`field` or
 *   `related`). A fix whose derivation is contested is left to a person; another fix of the row still applies;
 * and, after applying them (again until nothing changes: a fixed level may make another fix certain), the
 * row is checked again and must have fewer problems than before and none it did not have; otherwise the row
 * is left exactly as it was. Returns the new values and record and what changed, with each cell's original text.
 */
export function applyFixes(
  engine: Engine, record: CertRecord, original: unknown[], map: ColumnMap, numFmts: (string | number | undefined)[] | undefined, date1904: boolean,
): { record: CertRecord; values: unknown[]; changes: CellFix[] } {
  const unchanged = { record, values: original, changes: [] as CellFix[] };
  const before = engine.rowFindings(record);
  let values = original;
  let current = record;
  let findings = before;
  const changes = new Map<string, CellFix>();
  for (let pass = 0; pass < 3; pass++) {
    const plan = certainFixes(findings, current);
    if (plan === null) return unchanged;
    let changed = false;
    for (const [column, { to, list }] of plan) {
      const field = list[0]!.field!;
      const col = map.columns[field]!;
      const raw = values[col - 1];
      if (typeof raw === 'string' ? raw === to : raw == null && to === '') continue;
      if (values === original) values = [...original];
      values[col - 1] = to === '' ? null : to;
      const earlier = changes.get(column);
      changes.set(column, {
        file: record.file, sheet: record.sheet, row: record.row, column, field,
        from: earlier?.from ?? (typeof raw === 'string' ? raw : current.cells[field]!.text), to,
        rules: [...new Set([...(earlier?.rules ?? []), ...list.map((f) => f.rule)])],
      });
      changed = true;
    }
    if (!changed) break;
    current = buildRecord({ file: record.file, sheet: record.sheet, row: record.row, values, numFmts, date1904 }, map);
    findings = engine.rowFindings(current);
  }
  if (changes.size === 0) return unchanged;
  // The fixed row is checked again: fewer problems than before, and none it did not have.
  const problems = (list: Finding[]) => list.filter((f) => f.severity !== 'info');
  const key = (f: Finding) => `${f.rule}\u0000${f.messageId}\u0000${f.field ?? ''}`;
  const had = new Set(problems(before).map(key));
  const after = problems(findings);
  if (after.length >= problems(before).length || after.some((f) => !had.has(key(f)))) return unchanged;
  return { record: current, values, changes: [...changes.values()] };
}

/**
 * The fixes of one row that may be applied, by column, or null when the row's fixes contradict each other
 * (or a rule crashed on it). See applyFixes.
 */
export function certainFixes(findings: readonly Finding[], record: CertRecord): Map<string, { to: string; list: Finding[] }> | null {
  const contested = new Set<string>();
  for (const f of findings) {
    if (f.messageId === 'crashed') return null;
    if (f.severity === 'info' || f.fix !== null) continue;
    if (f.field) contested.add(f.field);
    for (const c of f.related ?? []) contested.add(c);
  }
  const byColumn = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.fix === null || !f.field || !record.cells[f.field] || !f.column) continue;
    const list = byColumn.get(f.column) ?? [];
    list.push(f);
    byColumn.set(f.column, list);
  }
  const plan = new Map<string, { to: string; list: Finding[] }>();
  for (const [column, list] of byColumn) {
    const to = list[0]!.fix!;
    if (list.some((f) => f.fix !== to)) return null;
    const usable = list.filter((f) => (f.from ?? []).every((c) => !contested.has(c)));
    if (usable.length) plan.set(column, { to, list: usable });
  }
  return plan;
}

/** What correcting a row for the registration sheets needs: the run's engine, and its row rules alone. */
export interface Corrector {
  engine: Engine;
  /** The row rules alone: they may check a row again without disturbing the set rules' state. */
  rowEngine: Engine;
  setRules: ReadonlySet<string>;
}

/** Platform fields whose value the guide's rules give when the sheet has no column for them. */
const GUIDE_FIELDS: readonly FieldKey[] = ['region', 'hasSpecialty', 'authority'];

/**
 * A row as the registration sheets see it: after the certain corrections (those --fix applies; already
 * applied with --fix), with the problems left (the row rules again on the corrected row, the set rules'
 * findings as they were), and the value the rules give for a platform field the sheet lacks.
 */
export function correctedRow(
  c: Corrector,
  row: { record: CertRecord; values: unknown[]; numFmts: (string | number | undefined)[] | undefined; findings: Finding[]; changes: CellFix[]; assets: RecordAssets | null },
  map: ColumnMap, date1904: boolean, fixed: boolean,
): CheckedRow {
  let { record, findings, changes } = row;
  if (!fixed) {
    const f = applyFixes(c.engine, record, row.values, map, row.numFmts, date1904);
    if (f.changes.length) {
      record = f.record;
      changes = f.changes;
      findings = [...c.rowEngine.check(record), ...findings.filter((x) => c.setRules.has(x.rule))];
    }
  }
  const guideValues: Partial<Record<FieldKey, string>> = {};
  const missing = GUIDE_FIELDS.filter((k) => !record.cells[k]);
  if (missing.length) {
    const cells = { ...record.cells };
    for (const k of missing) cells[k] = { column: '', address: '', header: '', kind: 'empty', text: '' } satisfies FieldCell;
    for (const f of c.rowEngine.check({ ...record, cells })) {
      const value = f.fix ?? f.suggestion;
      if (f.field && missing.includes(f.field) && value && guideValues[f.field] === undefined) guideValues[f.field] = value;
    }
  }
  return { record, changes, findings, assets: row.assets, guideValues };
}
