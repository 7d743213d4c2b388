/** The scenario workbook: every row's findings (of the rules listed here) are exactly the ids in its 期望 column. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { Engine } from '../../src/engine/engine.js';
import type { Finding } from '../../src/engine/types.js';
import { matchHeader, type FieldKey } from '../../src/model/fields.js';
import { buildRecord, type ColumnMap } from '../../src/model/record.js';
import { EXPECT_HEADER, NOTE_HEADER, SCENARIO, writeScenario } from '../fixtures/build-scenario.js';
import { testContext } from '../helpers/records.js';
import { tempDirSync } from '../helpers/temp.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/scenario.xlsx', import.meta.url));

/** The rules this scenario speaks for (guide rules and the issue-2 rules); committee and asset rules have their own. */
export const SCENARIO_RULES = [
  'approval-no-brackets', 'approval-no-format', 'approval-no-issuer', 'approval-no-year', 'authority-by-level',
  'birth-date-matches-id', 'cert-no-before-2021', 'cert-no-one-person', 'cert-no-since-2021', 'dates-far-apart',
  'dates-not-future', 'dates-order', 'dates-readable', 'duplicate-certificate', 'has-specialty-yes', 'id-number',
  'id-number-lost-digits', 'id-number-lowercase-x', 'initial-dates-equal', 'level-value', 'method-known', 'name-spaces',
  'obtained-too-young', 'online-review-no-registration', 'region-by-level', 'required-fields', 'same-id-same-person',
  'series-known', 'specialty-known', 'specialty-local-in-dropdown', 'specialty-named-no-local',
  'specialty-other-needs-local', 'specialty-required', 'title-series-level',
];

interface SheetRow {
  row: number;
  note: string;
  expected: string[];
  findings: Finding[];
}

/** Reads a scenario workbook the way the pipeline will: header row found by its names, one record per data row. */
async function checkWorkbook(path: string): Promise<{ rows: SheetRow[]; cells: unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0]!;
  let headerRow = 0;
  const columns: Partial<Record<FieldKey, number>> = {};
  const headers: string[] = [];
  let expectCol = 0;
  let noteCol = 0;
  ws.eachRow((row, n) => {
    if (headerRow) return;
    const texts = (row.values as unknown[]).slice(1).map((v) => (typeof v === 'string' ? v : ''));
    if (!texts.includes(EXPECT_HEADER)) return;
    headerRow = n;
    texts.forEach((t, i) => {
      headers[i] = t;
      const key = matchHeader(t);
      if (key && columns[key] === undefined) columns[key] = i + 1;
      if (t === EXPECT_HEADER) expectCol = i + 1;
      if (t === NOTE_HEADER) noteCol = i + 1;
    });
  });
  const map: ColumnMap = { columns, headers };
  const engine = new Engine(RULES, testContext());
  const rows: SheetRow[] = [];
  const cells: unknown[][] = [];
  ws.eachRow((row, n) => {
    cells.push((row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString() : v)));
    if (n <= headerRow) return;
    const values: unknown[] = [];
    const numFmts: (string | undefined)[] = [];
    for (let c = 1; c <= headers.length; c++) {
      values.push(row.getCell(c).value);
      numFmts.push(row.getCell(c).numFmt);
    }
    const record = buildRecord({ file: 'scenario.xlsx', sheet: ws.name, row: n, values, numFmts }, map);
    const expected = String(row.getCell(expectCol).value ?? '').split(/[,，\s]+/).filter(Boolean);
    rows.push({ row: n, note: String(row.getCell(noteCol).value ?? ''), expected, findings: engine.check(record) });
  });
  const late = engine.finish().filter((f) => SCENARIO_RULES.includes(f.rule));
  expect(late).toEqual([]);
  return { rows, cells };
}

describe('scenario workbook (test/fixtures/scenario.xlsx)', () => {
  let committed: Awaited<ReturnType<typeof checkWorkbook>>;

  beforeAll(async () => {
    if (process.env.UPDATE_SCENARIO || !existsSync(FIXTURE)) await writeScenario(FIXTURE);
    committed = await checkWorkbook(FIXTURE);
  });

  it('is what test/fixtures/build-scenario.ts builds (rebuild with UPDATE_SCENARIO=1)', async () => {
    const fresh = join(tempDirSync('cert-check-scenario-'), 'scenario.xlsx');
    await writeScenario(fresh);
    expect(committed.cells).toEqual((await checkWorkbook(fresh)).cells);
  });

  it('has a row for every case, and every listed rule fires somewhere', () => {
    expect(committed.rows).toHaveLength(SCENARIO.length);
    const fired = new Set(committed.rows.flatMap((r) => r.expected));
    expect(SCENARIO_RULES.filter((id) => !fired.has(id))).toEqual([]);
    expect([...fired].filter((id) => !SCENARIO_RULES.includes(id))).toEqual([]);
    expect(SCENARIO_RULES.filter((id) => !RULES.some((r) => r.id === id))).toEqual([]);
  });

  it.each(SCENARIO.map((s, i) => [i + 3, s.note] as const))('row %i (%s) gives exactly the findings in 期望', (n) => {
    const row = committed.rows.find((r) => r.row === n)!;
    const found = [...new Set(row.findings.filter((f) => SCENARIO_RULES.includes(f.rule)).map((f) => f.rule))].sort();
    const detail = row.findings.map((f) => `${f.rule}.${f.messageId} ${f.field ?? ''} ${JSON.stringify(f.data)}`).join('\n');
    expect(found, detail).toEqual([...row.expected].sort());
    expect(row.findings.filter((f) => f.messageId === 'crashed')).toEqual([]);
  });
});
