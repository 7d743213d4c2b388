/**
 * --fix is safe by construction: a fix applies only when certain and derived from uncontested
 * cells; contradicting fixes give the row none; a fixed row comes out with fewer problems, never more; a
 * correct row is never changed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { rowRule } from '../../src/engine/define.js';
import { Engine } from '../../src/engine/engine.js';
import { applyFixes } from '../../src/run/fixes.js';
import type { Finding, Rule } from '../../src/engine/types.js';
import { FIELD_KEYS, type FieldKey } from '../../src/model/fields.js';
import type { ColumnMap } from '../../src/model/record.js';
import { FULL_MAP, GOOD_ROW, makeRecord, testContext } from '../helpers/records.js';
import { HISTORICAL_ROWS } from './historical-rows.js';

type Values = Partial<Record<FieldKey, unknown>>;
const CITY = '重庆市人力资源和社会保障局（重庆市职称改革办公室）';
const JIANSHE = '重庆市工程技术建设专业副高级职称评审委员会';
/** A correct 高级（副高） row of 2021 (a year with a list of its own). */
const SENIOR_2021: Values = {
  ...GOOD_ROW, level: '高级（副高）', title: '高级工程师', region: '重庆市', authority: CITY, approvalNo: '渝职改办【2021】125号',
  issueDate: '2021-12-20', obtainDate: '2021-11-15', committee: JIANSHE, certNo: '', specialty: '建设',
};

function fix(values: Values, opts: { base?: Values; omit?: FieldKey[]; rules?: readonly Rule[] } = {}) {
  const all = { ...(opts.base ?? GOOD_ROW), ...values };
  const columns = { ...FULL_MAP.columns };
  for (const k of opts.omit ?? []) delete columns[k];
  const map: ColumnMap = { columns, headers: FULL_MAP.headers };
  const row = FIELD_KEYS.map((k) => all[k] ?? null);
  const record = makeRecord(values, { base: opts.base, omit: opts.omit });
  const engine = new Engine(opts.rules ?? RULES, testContext());
  const before = engine.rowFindings(record);
  const result = applyFixes(engine, record, row, map, undefined, false);
  const after = engine.rowFindings(result.record);
  const changed = Object.fromEntries(result.changes.map((c) => [c.field, c.to]));
  return { ...result, before, after, changed, row };
}

const problems = (list: Finding[]) => list.filter((f) => f.severity !== 'info');
const key = (f: Finding) => `${f.rule}|${f.messageId}|${f.field}`;

describe('applyFixes', () => {
  it('leaves a correct row exactly as it is', () => {
    const r = fix({});
    expect(r.changes).toEqual([]);
    expect(r.values).toBe(r.row);
    expect(fix({}, { base: SENIOR_2021 }).changes).toEqual([]);
  });

  it('applies certain fixes of form, and those a fixed level makes certain', () => {
    const r = fix({ level: '副高', region: '铜梁区', authority: '', title: '高级工程师', committee: JIANSHE, approvalNo: '渝职改办〔2019〕125号' });
    expect(r.changed).toEqual({ level: '高级（副高）', region: '重庆市', approvalNo: '渝职改办【2019】125号' });
    expect(problems(r.after)).toEqual([]);
  });

  it('derives region and authority from the level only when the title agrees with it', () => {
    // 高级工程师 is 副高: the level 中级 is contested, so 重庆市 is not "corrected" to 铜梁区.
    const r = fix({ level: '中级', title: '高级工程师', region: '重庆市', authority: CITY, approvalNo: '渝职改办〔2019〕125号' });
    expect(r.changed).toEqual({ approvalNo: '渝职改办【2019】125号' });
    expect(r.after.some((f) => f.rule === 'region-by-level')).toBe(true);
  });

  it('derives region and authority from the level only when the committee agrees with it', () => {
    const r = fix({ level: '中级', title: '工程师', region: '重庆市', committee: JIANSHE });
    expect(r.changed).toEqual({});
  });

  it('fixes a committee typo only with a list of the row\'s own year and uncontested level, series and date', () => {
    expect(fix({ committee: '重庆市工程技术建设专业付高级职称评审委员会' }, { base: SENIOR_2021 }).changed).toEqual({ committee: JIANSHE });
    expect(fix({ committee: '建设副高评委会' }, { base: SENIOR_2021 }).changed).toEqual({ committee: JIANSHE });
    // 2019 has no list of its own: suggested, never applied.
    const y2019 = { issueDate: '2019-12-20', obtainDate: '2019-11-15', approvalNo: '渝职改办【2019】125号', certNo: 'YGZ2019001' };
    expect(fix({ ...y2019, committee: '建设副高评委会' }, { base: SENIOR_2021 }).changed).toEqual({});
    // The date the year comes from is contested (after the issue date): no fix.
    expect(fix({ committee: '建设副高评委会', obtainDate: '2021-12-25' }, { base: SENIOR_2021 }).changed).toEqual({});
    // The series is contested by the title: no fix.
    expect(fix({ committee: '建设副高评委会', title: '高级会计师' }, { base: SENIOR_2021 }).changed).toEqual({});
  });

  it('never rewrites another period\'s spelling or an unlisted name', () => {
    for (const committee of ['重庆市工程技术中级职称铜梁区评审委员会', '工程技术中级职务铜梁区评审委员会', '重庆市工程技术中级职务铜梁县评审委员会', '重庆市工程技术中级职务大足区评审委员会']) {
      for (const y of ['2010', '2021']) {
        const r = fix({ committee, issueDate: `${y}-12-20`, obtainDate: `${y}-11-15`, approvalNo: `铜职改办【${y}】12号`, certNo: y === '2021' ? '' : 'TL1' });
        expect(r.changed, `${committee} ${y}`).toEqual({});
      }
    }
    expect(fix({ committee: '重庆市会计专业高级职称评审委员会', series: '会计', title: '高级会计师', specialty: '会计' }, { base: SENIOR_2021 }).changed).toEqual({});
  });

  it('does not give a 确认/初定 row the office when its committee cell names a fitting review committee', () => {
    expect(fix({ method: '确认', certNo: 'TL2019012' }).changed).toEqual({});
    expect(fix({ method: '确认', committee: '四川省工程技术中级职称评审委员会' }).changed).toEqual({ committee: '重庆市铜梁区职称改革办公室' });
    expect(fix({ method: '初定', committee: '重庆市铜梁县职称改革办公室', obtainDate: '2010-06-10', issueDate: '2010-06-10', approvalNo: '铜职改办【2010】4号' }).changed).toEqual({});
  });

  it('does not clear the certificate number of a 2021 row whose date obtained is contested', () => {
    expect(fix({ certNo: 'X1' }, { base: SENIOR_2021 }).changed).toEqual({ certNo: '' });
    expect(fix({ certNo: 'X1', obtainDate: '2021-12-25' }, { base: SENIOR_2021 }).changed).toEqual({});
  });

  it('never removes or applies a middle dot in a name', () => {
    expect(fix({ name: '阿依古丽·买买提' }).changes).toEqual([]);
    expect(fix({ name: '阿依古丽.买买提' }).changes).toEqual([]);
    expect(fix({ name: '阿依古丽 买买提' }).changes).toEqual([]);
    expect(fix({ name: '阿依古丽 · 买买提' }).changed).toEqual({ name: '阿依古丽·买买提' });
    expect(fix({ name: '张  三' }).changed).toEqual({ name: '张三' });
  });

  /** Rules that exist only to test the guards. */
  const wants = (id: string, field: FieldKey, to: string, extra: Partial<Finding> = {}) => rowRule({
    id, description: { zh: id, en: id }, severity: 'error', fields: [field],
    messages: { m: { zh: 'x', en: 'x' } },
    check: (r) => (r.v[field] === to ? [] : [{ messageId: 'm', field, fix: to, ...(extra as object) }]),
  });

  it('gives a row whose fixes contradict each other none at all', () => {
    const rules = [wants('a', 'region', '重庆市'), wants('b', 'region', '铜梁区'), wants('c', 'name', '李四')];
    const r = fix({ region: '九龙坡区' }, { rules });
    expect(r.changes).toEqual([]);
    expect(r.values).toBe(r.row);
  });

  it('reverts a row whose fixes would leave it with a problem it did not have', () => {
    const worse = rowRule({
      id: 'worse', description: { zh: 'w', en: 'w' }, severity: 'warning', fields: ['certNo'], messages: { m: { zh: 'x', en: 'x' } },
      check: (r) => (r.v.name === '李四' ? [{ messageId: 'm', field: 'certNo' }] : []),
    });
    const r = fix({}, { rules: [wants('c', 'name', '李四'), worse] });
    expect(r.changes).toEqual([]);
  });

  it('gives no fix on a row where a rule crashed', () => {
    const crash = rowRule({ id: 'crash', description: { zh: 'c', en: 'c' }, severity: 'error', fields: ['name'], messages: { m: { zh: 'x', en: 'x' } }, check: () => { throw new Error('boom'); } });
    expect(fix({}, { rules: [wants('c', 'name', '李四'), crash] }).changes).toEqual([]);
  });
});

/** What clerks get wrong, one or two at a time, on rows that were correct. */
const MUTATIONS: [string, (v: Values) => Values][] = [
  ['level variant', (v) => ({ ...v, level: String(v.level).replace(/高级（(.)高）/, '$1高') })],
  ['wrong region', (v) => ({ ...v, region: v.region === '重庆市' ? '铜梁区' : '重庆市' })],
  ['old region name', (v) => ({ ...v, region: '铜梁县' })],
  ['wrong authority', (v) => ({ ...v, authority: v.authority === CITY ? '铜梁区人力资源和社会保障局' : CITY })],
  ['〔〕', (v) => ({ ...v, approvalNo: String(v.approvalNo ?? '').replace('【', '〔').replace('】', '〕') })],
  ['two-digit year', (v) => ({ ...v, approvalNo: String(v.approvalNo ?? '').replace(/【\d\d(\d\d)】/, '($1)') })],
  ['committee half-width', (v) => ({ ...v, committee: String(v.committee ?? '').replace('（', '(').replace('）', ')') })],
  ['committee shorthand', (v) => ({ ...v, committee: String(v.committee ?? '').replace('评审委员会', '评委会') })],
  ['committee 职务→职称', (v) => ({ ...v, committee: String(v.committee ?? '').replace('职务', '职称') })],
  ['committee typo', (v) => ({ ...v, committee: String(v.committee ?? '').replace('副', '付') })],
  ['committee no 重庆市', (v) => ({ ...v, committee: String(v.committee ?? '').replace(/^重庆市/, '') })],
  ['name padded', (v) => ({ ...v, name: String(v.name).split('').join(' ') })],
  ['name full stop', (v) => ({ ...v, name: String(v.name).replace('·', '.') })],
  ['certNo placeholder', (v) => ({ ...v, certNo: '无' })],
  ['method 确认', (v) => ({ ...v, method: '确认' })],
  ['method 初定', (v) => ({ ...v, method: '初定' })],
  ['dates swapped', (v) => ({ ...v, issueDate: v.obtainDate, obtainDate: v.issueDate })],
  ['level 中级', (v) => ({ ...v, level: '中级' })],
  ['lower-case x', (v) => ({ ...v, idNumber: String(v.idNumber).replace(/X$/, 'x') })],
];

describe('applyFixes over correct rows and their usual mistakes (property)', () => {
  const bases = [GOOD_ROW, SENIOR_2021, ...HISTORICAL_ROWS.filter((h) => !h.omit && !h.numFmts).map((h) => h.values)];

  it('changes no correct row, and never leaves a row with more problems or a new one', () => {
    fc.assert(fc.property(
      fc.nat({ max: bases.length - 1 }),
      fc.array(fc.nat({ max: MUTATIONS.length - 1 }), { maxLength: 3 }),
      (b, picks) => {
        const base = bases[b]!;
        let values: Values = { ...base };
        for (const p of picks) values = MUTATIONS[p]![1](values);
        const r = fix(values, { base: {} });
        if (picks.length === 0) expect(r.changes).toEqual([]);
        if (r.changes.length === 0) return;
        const before = problems(r.before);
        const after = problems(r.after);
        const had = new Set(before.map(key));
        expect(after.length, picks.map((p) => MUTATIONS[p]![0]).join(', ')).toBeLessThan(before.length);
        expect(after.filter((f) => !had.has(key(f))).map(key)).toEqual([]);
        // A fix only ever restores a value of the correct row, or clears a placeholder (unless the
        // mistakes changed what the row is: its method, level or dates, from which other cells follow).
        if (picks.some((p) => /^(method|level 中级|dates)/.test(MUTATIONS[p]![0]))) return;
        for (const c of r.changes) {
          const original = base[c.field];
          const restored = c.to === (original instanceof Date ? c.to : String(original ?? ''));
          expect(restored || (c.field === 'certNo' && c.to === ''), `${c.field}: ${c.from} → ${c.to} (was ${String(original)})`).toBe(true);
        }
      },
    ), { numRuns: 400 });
  });
});
