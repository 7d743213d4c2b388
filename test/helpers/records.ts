/** Test helpers: build records from plain values the way a reader would hand them over, and run rules. */
import { createContext, type ContextOptions } from '../../src/run/context.js';
import { Engine } from '../../src/engine/engine.js';
import type { Finding, Rule, RuleContext } from '../../src/engine/types.js';
import { FIELD_KEYS, FIELDS, type FieldKey } from '../../src/model/fields.js';
import { buildRecord, type CertRecord, type ColumnMap } from '../../src/model/record.js';

/** Every canonical field in column order A, B, C… with its canonical header. */
export const FULL_MAP: ColumnMap = {
  columns: Object.fromEntries(FIELD_KEYS.map((k, i) => [k, i + 1])) as ColumnMap['columns'],
  headers: FIELD_KEYS.map((k) => FIELDS[k].header),
};

/** A correct 中级 工程技术 row (评审, 2019); tests override what they need. */
export const GOOD_ROW: Partial<Record<FieldKey, unknown>> = {
  name: '张三',
  idNumber: '500224198001011235',
  birthDate: '1980.01',
  series: '工程技术',
  level: '中级',
  title: '工程师',
  method: '评审',
  approvalNo: '铜职改办【2019】12号',
  region: '铜梁区',
  hasSpecialty: '是',
  specialty: '建设',
  localSpecialty: '',
  issueDate: '2019-12-20',
  obtainDate: '2019-11-15',
  authority: '铜梁区人力资源和社会保障局',
  committee: '重庆市工程技术中级职务铜梁区评审委员会',
  certNo: 'TL20190012',
  photo: '500224198001011235.jpg',
  attachment: '500224198001011235.pdf',
};

/**
 * A record as the pipeline would build it. Values may be strings, numbers, Dates, or exceljs shapes;
 * `numFmts` gives number formats by field; `omit` drops columns from the sheet.
 */
export function makeRecord(
  values: Partial<Record<FieldKey, unknown>> = {},
  opts: { row?: number; omit?: FieldKey[]; numFmts?: Partial<Record<FieldKey, string | number>>; base?: Partial<Record<FieldKey, unknown>> } = {},
): CertRecord {
  const all = { ...(opts.base ?? GOOD_ROW), ...values };
  const columns = { ...FULL_MAP.columns };
  for (const k of opts.omit ?? []) delete columns[k];
  const row = FIELD_KEYS.map((k) => all[k] ?? null);
  const numFmts = FIELD_KEYS.map((k) => opts.numFmts?.[k]);
  return buildRecord({ file: 'test.xlsx', sheet: 'Sheet1', row: opts.row ?? 2, values: row, numFmts }, { columns, headers: FULL_MAP.headers });
}

export function testContext(options: ContextOptions = {}): RuleContext {
  return createContext({ today: { y: 2026, m: 11, d: 27 }, ...options });
}

/** Runs one rule through the engine (so severity and location are resolved) over one or more records. */
export function runRule(rule: Rule, records: CertRecord | CertRecord[], ctx: RuleContext = testContext()): Finding[] {
  const engine = new Engine([rule], ctx);
  const out: Finding[] = [];
  for (const r of Array.isArray(records) ? records : [records]) out.push(...engine.check(r));
  out.push(...engine.finish());
  return out;
}
