/** One check run: inputs → records → rules → findings, with the annotated workbook written as rows stream by. */
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { RULES } from '../../rules/index.js';
import { createAssetInspector, listAssetFolder, recordKey } from '../assets/index.js';
import type { AssetFolder } from '../assets/folder.js';
import type { AssetInspector, RecordAssets } from '../assets/types.js';
import { InputError, type RunWarning } from '../errors.js';
import type { OutputKind, RunPlan } from '../run/outcome.js';
import { IdValues } from '../util/id-number.js';
import type { AliasTable } from '../model/fields.js';
import { buildRecord, isBlankRow, type CertRecord, type ColumnMap } from '../model/record.js';
import { DEFAULT_MAX_ROWS, noHeaderError, scanInputs, type SkippedFile } from '../read/index.js';
import { openInputThreaded } from '../read/threaded.js';
import type { InputReader, RowRole, SheetInfo } from '../read/types.js';
import type { CellFix, CheckResult, FileResult, SheetResult } from '../report/types.js';
import type { YMD } from '../model/dates.js';
import type { FieldKey } from '../model/fields.js';
import type { FieldCell } from '../model/record.js';
import type { CardSink, CheckedRow } from '../report/cards/types.js';
import { createContext } from './context.js';
import { Engine } from './engine.js';
import { MessageBook } from './messages.js';
import type { Finding, Lang, ReferenceData, Rule, SeveritySetting } from './types.js';

export interface CheckOptions {
  inputs: string[];
  /** Folder of photos and PDFs; default: the first input's folder. Null: do not check assets. */
  assets?: string | null;
  /** Annotated workbook path (one input only). */
  out?: string;
  outDir?: string;
  /** Write no annotated workbook. */
  noOut?: boolean;
  /** Apply every certain correction and write <name>.fixed.xlsx instead of the .checked.xlsx. */
  fix?: boolean;
  lang: Lang;
  encoding?: string;
  /** Text delimiter override (--delimiter). */
  delimiter?: string;
  maxRows?: number;
  cacheFile?: string;
  aliases?: AliasTable;
  severities?: Readonly<Record<string, SeveritySetting>>;
  data?: ReferenceData;
  assetPatterns?: import('../assets/naming.js').NamingPatterns;
  today?: YMD;
  rules?: readonly Rule[];
  /** Called as each input starts and every few hundred rows (a terminal's progress line). */
  onProgress?: (progress: CheckProgress) => void;
  /** Keep every data row's 姓名 in RunResult.names (the fix list shows it beside each problem). */
  collectNames?: boolean;
  /** Called with the assets folder (absolute) before any input is read; may throw an InputError (--fix-photos). */
  onAssetsDir?: (dir: string) => void;
  /**
   * Called once before anything is written, with every input, the annotated workbook of each and the
   * assets folder as listed: the command line's output guard (src/run/output-guard.ts) refuses the run
   * here (an InputError) when an output would overwrite an input, an asset or another output.
   */
  beforeWork?: (plan: RunPlan) => void;
  /** Called for each record once its photo and attachment were found and inspected (--fix-photos). */
  onRecordAssets?: (record: CertRecord, assets: RecordAssets) => void;
  /** Receives every data row after the certain corrections, with its problems and files, batch by batch (--cards). */
  cards?: CardSink;
}

/** Where a run is: which input of how many, and the row reached in its sheet. */
export interface CheckProgress {
  file: string;
  /** 0-based position of the input, and how many inputs there are. */
  fileIndex: number;
  files: number;
  sheet: string | null;
  /** The last row read (as the spreadsheet numbers it), 0 before the first. */
  row: number;
  /** The sheet's last row when known before reading it (SheetInfo.lastRow), else null. */
  lastRow: number | null;
  /** Data rows checked in this input so far. */
  rows: number;
}

/** The result, plus inputs that could not be read and main outputs that could not be written (exit 2). */
export interface RunResult extends CheckResult {
  /** kind 'output': an annotated workbook (or fixed copy) that could not be written; `path` is the output. */
  failures: { path: string; error: InputError; kind?: 'input' | 'output' }[];
  /** What the run could not do without spoiling the check (secondary outputs, unreadable asset names…). */
  warnings: RunWarning[];
  /** Every file written, and every output that failed (main and secondary), for the summary. */
  outputs: { path: string; kind: OutputKind; written: boolean }[];
  /** 姓名 by row (key: recordKey, i.e. file \0 sheet \0 row), with `collectNames`. */
  names: Map<string, string>;
  /** The assets folder checked (absolute), or null. */
  assetsDir: string | null;
  /** Files and folders that folder scans did not check, with the reason. */
  skipped: SkippedFile[];
  /** Photos, PDFs and system files in the scanned folders (counted, not listed). */
  otherFiles: number;
  /** Malformed 身份证号 values, for the reports to mask wherever they appear. */
  idValues: IdValues;
}

/** Rows checked together: their assets are inspected concurrently before the rules see them. */
const BATCH = 256;

interface Pending {
  row: number;
  role: RowRole;
  values: unknown[];
  numFmts?: (string | number | undefined)[];
  record: CertRecord | null;
}

export async function runCheck(opts: CheckOptions): Promise<RunResult> {
  const startedAt = new Date();
  // Paths that cannot be used (missing, a folder without records) are failures of their own, like an
  // unreadable file: the other inputs are still checked.
  const scan = await scanInputs(opts.inputs, { aliases: opts.aliases });
  const files = scan.inputs;
  if (opts.out && files.length > 1) throw new InputError('usage', { detail: '有多个输入文件时不能用 -o，请改用 --out-dir' });
  // The first input starts reading (on its thread) now, while the reference data and the assets load here.
  const readOptions = { encoding: opts.encoding, delimiter: opts.delimiter, aliases: opts.aliases, maxRows: opts.maxRows ?? DEFAULT_MAX_ROWS };
  const firstReader = files.length
    ? openInputThreaded(files[0]!, readOptions).then((r) => ({ r }), (error: unknown) => ({ error }))
    : Promise.resolve({ error: null as unknown });
  let firstTaken = false;
  let inspector: AssetInspector | null = null;
  try {
    const rules = opts.rules ?? RULES;
    const messages = new MessageBook(rules);
    const ctx = createContext({ today: opts.today, data: opts.data });
    // By default the photos are in the folder of the first input; for a folder scan, the folder given.
    const assetsDir = opts.assets === null || !files.length ? null : resolve(opts.assets ?? scan.firstFolder ?? dirname(resolve(files[0]!)));
    // Every output is known before anything is written: the guard sees them all at once.
    const taken = new Set<string>();
    const outputs = new Map<string, string | null>();
    for (const file of files) outputs.set(file, opts.noOut ? null : await outputPath(file, opts, taken, files, opts.fix ? 'fixed' : 'checked'));
    let folder: AssetFolder | null = null;
    if (assetsDir) {
      opts.onAssetsDir?.(assetsDir);
      folder = await listAssetFolder({ dir: assetsDir, cacheFile: opts.cacheFile, inputs: files, ignore: [...taken] });
    }
    opts.beforeWork?.({ files, outputs, assetsDir, folder });
    if (assetsDir) {
      inspector = await createAssetInspector({ dir: assetsDir, cacheFile: opts.cacheFile, patterns: opts.assetPatterns, inputs: files, folder: folder! });
      ctx.assets = inspector.facts;
    }
    const engine = new Engine(rules, ctx, { severities: opts.severities });
    const cards: CardsHook | null = opts.cards
      ? { sink: opts.cards, engine, rowEngine: new Engine(rules.filter((r) => r.kind === 'row'), ctx, { severities: opts.severities }), setRules: new Set(rules.filter((r) => r.kind === 'set').map((r) => r.id)), inspector }
      : null;
    const result: RunResult = {
      files: [], findings: [], messages, startedAt, failures: [...scan.failures], warnings: [], outputs: [], names: new Map(), assetsDir,
      idValues: new IdValues(), skipped: scan.skipped, otherFiles: scan.otherFiles, ...(opts.fix ? { fixes: [] } : {}),
    };
    if (opts.outDir && !opts.noOut) mkdirSync(opts.outDir, { recursive: true });

    for (const [i, file] of files.entries()) {
      let reader: InputReader | null = null;
      try {
        if (i === 0) {
          firstTaken = true;
          const opened = await firstReader;
          if ('error' in opened) throw opened.error;
          reader = opened.r;
        }
        const out = outputs.get(file) ?? null;
        opts.onProgress?.({ file, fileIndex: i, files: files.length, sheet: null, row: 0, lastRow: null, rows: 0 });
        reader ??= await openInputThreaded(file, readOptions);
        result.files.push(await checkFile(file, reader, out, opts, engine, inspector, messages, result, { index: i, count: files.length }, cards));
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        result.failures.push({ path: file, error: err });
      } finally {
        await reader?.close?.();
      }
    }
    for (const f of engine.finish()) result.findings.push(f); // no spread: 10⁵+ findings overflow the stack
    if (inspector) {
      const done = inspector;
      inspector = null;
      await done.close();
      result.warnings.push(...done.warnings);
      for (const path of done.written) result.outputs.push({ path, kind: 'cache', written: true });
      for (const path of done.failed) result.outputs.push({ path, kind: 'cache', written: false });
    }
    return result;
  } finally {
    await inspector?.close();
    // A run refused before the first input was taken must still end the reading thread it started.
    if (!firstTaken) {
      const opened = await firstReader;
      if ('r' in opened) await opened.r.close?.();
    }
  }
}

async function checkFile(
  file: string, reader: InputReader, out: string | null, opts: CheckOptions, engine: Engine, inspector: AssetInspector | null,
  messages: MessageBook, run: RunResult, position: { index: number; count: number }, cards: CardsHook | null,
): Promise<FileResult> {
  const kind: OutputKind = opts.fix ? 'fixed' : 'checked';
  /** The annotated workbook could not be written: the check goes on, the output is an exit-2 failure. */
  let outError: InputError | null = null;
  const outputFailed = (err: unknown): void => {
    if (!(err instanceof InputError)) throw err;
    outError = err;
  };
  // The workbook writer is loaded only when a workbook is written.
  let writer = null as import('../report/xlsx/annotated.js').AnnotatedWorkbook | null;
  if (out) {
    try {
      writer = await (await import('../report/xlsx/annotated.js')).AnnotatedWorkbook.create(out, { lang: opts.lang, messages, inputPath: file, format: reader.format, kind: opts.fix ? 'fixed' : 'annotated' });
    } catch (err) {
      outputFailed(err);
    }
  }
  const fileResult: FileResult = { path: file, sheets: [], annotated: out, notices: [], format: reader.format };
  // A copy cert-check wrote before: its own 问题清单 / 汇总 and result columns are not the clerk's sheets and columns.
  const { hasResultColumns, ownOutputNotice, previousOutput } = await import('../report/xlsx/own.js');
  const previous = reader.format === 'xlsx' ? await previousOutput(file) : null;
  let resultColumnsSeen = false;
  const findings: Finding[] = [];
  const sheets: SheetInfo[] = [];
  let sheet: SheetInfo | null = null;
  let map: ColumnMap | null = null;
  let sheetResult: SheetResult | null = null;
  let pending: Pending[] = [];
  /** Each row's asset inspection, started as the row is read: settles to null, or to what it threw. */
  let preparing: Promise<unknown>[] = [];
  let total = 0;

  const flush = async (): Promise<void> => {
    const records = pending.flatMap((p) => (p.record ? [p.record] : []));
    const failed = (await Promise.all(preparing)).find((e) => e !== null);
    preparing = [];
    if (failed !== undefined) throw failed;
    const checked: CheckedRow[] = [];
    for (const p of pending) {
      let changes: CellFix[] = [];
      if (p.record && opts.fix && map) ({ record: p.record, values: p.values, changes } = applyFixes(engine, p.record, p.values, map, p.numFmts, reader.date1904));
      if (p.record) collectRow(p.record, opts, inspector, run);
      const rowFindings = p.record ? engine.check(p.record) : [];
      for (const f of rowFindings) findings.push(f);
      for (const c of changes) run.fixes?.push(c);
      writer?.addRow(p.row, p.role, p.values, rowFindings, p.numFmts, changes);
      if (cards && p.record && map) checked.push(checkedRow(cards, p, map, reader.date1904, rowFindings, changes, Boolean(opts.fix)));
    }
    if (checked.length) await cards!.sink.rows(checked, run.assetsDir);
    total += records.length;
    const lastRead = pending.at(-1)?.row ?? 0;
    pending = [];
    // Give I/O a turn: with the reading thread ahead, batches follow each other as microtasks and the
    // writer's deflate and file callbacks would wait, piling the annotated sheet up in memory.
    await writer?.drain();
    if (lastRead) {
      opts.onProgress?.({
        file, fileIndex: position.index, files: position.count, sheet: sheet?.name ?? null, row: lastRead, lastRow: sheet?.lastRow ?? null, rows: total,
      });
    }
  };

  try {
    for await (const ev of reader.events()) {
      switch (ev.type) {
        case 'sheet-start':
          sheet = ev.sheet;
          resultColumnsSeen ||= hasResultColumns(ev.sheet);
          map = ev.sheet.header?.map ?? null;
          sheetResult = ev.sheet.header ? { name: ev.sheet.name, headerRow: ev.sheet.header.row, rows: 0 } : null;
          if (sheetResult) fileResult.sheets.push(sheetResult);
          if (writer) {
            writer.date1904 = reader.date1904;
            await writer.startSheet(ev.sheet);
          }
          break;
        case 'row': {
          let record: CertRecord | null = null;
          if (ev.role === 'data' && map && sheet && !isBlankRow(ev.values, map)) {
            record = buildRecord({ file, sheet: sheet.name, row: ev.row, values: ev.values, numFmts: ev.numFmts, date1904: reader.date1904 }, map);
            sheetResult!.rows++;
            if (record.v.idNumber) run.idValues.add(record.v.idNumber);
            // Inspect the row's files now, while the rest of the batch is read; the batch waits for all of them.
            if (inspector) preparing.push(inspector.prepare([record]).then(() => null, (err: unknown) => err));
          }
          pending.push({ row: ev.row, role: ev.role, values: ev.values, numFmts: ev.numFmts, record });
          if (pending.length >= BATCH) await flush();
          break;
        }
        case 'sheet-end':
          sheets.push(ev.sheet);
          await flush();
          await writer?.endSheet(ev.sheet.merges);
          sheet = null;
          map = null;
          break;
        case 'notice': {
          const notice = ownOutputNotice(ev.notice, previous, resultColumnsSeen);
          if (notice) fileResult.notices.push(notice);
          break;
        }
        case 'last-row':
          if (sheet) sheet.lastRow ??= ev.row;
          break;
      }
    }
    await flush();
    const noHeader = noHeaderError(file, sheets);
    if (noHeader) throw noHeader;
    for (const f of findings) run.findings.push(f); // no spread: 10⁵+ findings overflow the stack
    if (writer) {
      fileResult.notices.unshift(...writer.notices);
      try {
        await writer.finish({ ...run, files: [fileResult], findings });
      } catch (err) {
        outputFailed(err);
      }
    }
    if (out) {
      const failed = outError as InputError | null;
      if (failed) {
        fileResult.annotated = null;
        run.failures.push({ path: out, error: failed, kind: 'output' });
      }
      run.outputs.push({ path: out, kind, written: !failed });
    }
    return fileResult;
  } catch (err) {
    await writer?.abort();
    throw err;
  }
}

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
  engine: Engine, record: CertRecord, original: unknown[], map: ColumnMap, numFmts: Pending['numFmts'], date1904: boolean,
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

/** What --cards needs besides the sink: the engines and which rules compare rows. */
interface CardsHook {
  sink: CardSink;
  engine: Engine;
  /** The row rules alone: they may check a row again without disturbing the set rules' state. */
  rowEngine: Engine;
  setRules: ReadonlySet<string>;
  inspector: AssetInspector | null;
}

/** Platform fields whose value the guide's rules give when the sheet has no column for them. */
const GUIDE_FIELDS: readonly FieldKey[] = ['region', 'hasSpecialty', 'authority'];

/**
 * A row as --cards sees it: after the certain corrections (those --fix applies; already applied with
 * --fix), with the problems left (the row rules again on the corrected row, the set rules' findings as they
 * were), and the value the rules give for a platform field the sheet lacks.
 */
function checkedRow(hook: CardsHook, p: Pending, map: ColumnMap, date1904: boolean, findings: Finding[], changes: CellFix[], fixed: boolean): CheckedRow {
  let record = p.record!;
  if (!fixed) {
    const f = applyFixes(hook.engine, record, p.values, map, p.numFmts, date1904);
    if (f.changes.length) {
      record = f.record;
      changes = f.changes;
      findings = [...hook.rowEngine.check(record), ...findings.filter((x) => hook.setRules.has(x.rule))];
    }
  }
  const guideValues: Partial<Record<FieldKey, string>> = {};
  const missing = GUIDE_FIELDS.filter((k) => !record.cells[k]);
  if (missing.length) {
    const cells = { ...record.cells };
    for (const k of missing) cells[k] = { column: '', address: '', header: '', kind: 'empty', text: '' } satisfies FieldCell;
    for (const f of hook.rowEngine.check({ ...record, cells })) {
      const value = f.fix ?? f.suggestion;
      if (f.field && missing.includes(f.field) && value && guideValues[f.field] === undefined) guideValues[f.field] = value;
    }
  }
  return { record, changes, findings, assets: hook.inspector?.facts.forRecord(record) ?? null, guideValues };
}

/** What --fix-list and --fix-photos need of a row: its 姓名, its photo facts. */
function collectRow(record: CertRecord, opts: CheckOptions, inspector: AssetInspector | null, run: RunResult): void {
  if (opts.collectNames && record.v.name) run.names.set(recordKey(record), record.v.name);
  if (inspector && opts.onRecordAssets) opts.onRecordAssets(record, inspector.facts.forRecord(record));
}

/**
 * "登记表.checked.2" → "登记表": the name of the records a copy was made from, without the suffixes cert-check
 * adds, so checking a copy never piles suffixes up.
 */
export function recordsStem(stem: string): string {
  let s = stem;
  for (;;) {
    const next = s.replace(/\.(checked|fixed)(\.\d+)?$/i, '');
    if (next === s || next === '') return s;
    s = next;
  }
}

/**
 * Where the annotated (or fixed) workbook of an input goes: `-o` as given (never the input itself, links
 * included); else `<records>.checked.xlsx` beside the input (or in --out-dir), numbered `.checked.2.xlsx`,
 * `.checked.3.xlsx`… when that name is an input of the run, another output of the run, or a file that is not
 * an untouched copy cert-check wrote (a copy the clerk edited, or anyone's file, is never overwritten).
 */
export async function outputPath(
  file: string, opts: Pick<CheckOptions, 'out' | 'outDir'>, taken: Set<string>, inputs: readonly string[], kind: 'checked' | 'fixed' = 'checked',
): Promise<string> {
  if (opts.out) {
    const out = resolve(opts.out);
    if (inputs.some((input) => sameFile(out, input))) throw new InputError('output-is-input', { out: opts.out });
    taken.add(out);
    return out;
  }
  const { readMarker } = await import('../report/xlsx/marker.js');
  const stem = recordsStem(basename(file, extname(file)));
  const dir = resolve(opts.outDir ?? dirname(resolve(file)));
  for (let n = 1; ; n++) {
    const out = resolve(dir, `${stem}.${kind}${n > 1 ? `.${n}` : ''}.xlsx`);
    if (taken.has(out) || inputs.some((input) => sameFile(out, input))) continue;
    if (existsSync(out)) {
      const state = await readMarker(out);
      if (!state || state.edited || (state.kind !== 'annotated' && state.kind !== 'fixed')) continue;
    }
    taken.add(out);
    return out;
  }
}

function sameFile(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      try {
        return join(realpathSync(dirname(p)), basename(p));
      } catch {
        return resolve(p);
      }
    }
  };
  return real(a) === real(b);
}
