/** A checked row → its sheet as data (pure): values, notes, hints, problems and the masking of other people's IDs. */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { loadReferenceData } from '../../src/data/reference.js';
import { Engine } from '../../src/engine/engine.js';
import { MessageBook } from '../../src/engine/messages.js';
import type { Finding } from '../../src/engine/types.js';
import type { FieldKey } from '../../src/model/fields.js';
import { buildCard, maskOthers } from '../../src/report/cards/model.js';
import type { Card, CardLine } from '../../src/report/cards/types.js';
import type { CheckedRow } from '../../src/report/sink.js';
import type { MissingCard } from '../../src/report/types.js';
import { GOOD_ROW, makeRecord, testContext } from '../helpers/records.js';

const messages = new MessageBook(RULES);
const lookups = loadReferenceData().guide;
const OWN = GOOD_ROW.idNumber as string; // 500224198001011235
const OTHER = '11010519491231002X';

/** The row checked by every rule (no files), as the pipeline would hand it over. */
function checked(values: Partial<Record<FieldKey, unknown>>, opts: { omit?: FieldKey[]; extra?: Finding[] } = {}): CheckedRow {
  const record = makeRecord(values, { omit: opts.omit });
  const findings = new Engine(RULES, testContext()).check(record);
  return { record, changes: [], findings: [...findings, ...(opts.extra ?? [])], assets: null, guideValues: {} };
}

function card(row: CheckedRow, lang: 'zh' | 'en' = 'zh'): Card {
  const built = buildCard(row, { lang, messages, lookups });
  if (!('card' in built)) throw new Error(`no card: ${JSON.stringify(built.missing.reasons)}`);
  return built.card;
}

const line = (c: Card, field: FieldKey): CardLine => c.lines.find((l) => l.field === field)!;

describe('buildCard', () => {
  it('a correct row: every field with the value to enter, in the guide order', () => {
    const c = card(checked({}));
    expect(c.lines.map((l) => [l.field, l.value])).toEqual([
      ['name', '张三'], ['idNumber', OWN], ['photo', '500224198001011235.jpg'], ['attachment', '500224198001011235.pdf'],
      ['approvalNo', '铜职改办【2019】12号'], ['region', '铜梁区'], ['birthDate', '1980-01'], ['series', '工程技术'], ['level', '中级'],
      ['title', '工程师'], ['hasSpecialty', '是'], ['issueDate', '2019-12-20'], ['obtainDate', '2019-11-15'], ['specialty', '建设'],
      ['localSpecialty', ''], ['authority', '铜梁区人力资源和社会保障局'], ['committee', '重庆市工程技术中级职务铜梁区评审委员会'], ['certNo', 'TL20190012'],
    ]);
    expect(c.lines.map((l) => l.action)).toEqual([
      'auto', 'auto', 'upload', 'upload', 'type', 'choose', 'choose', 'choose', 'choose', 'choose', 'choose', 'choose', 'choose', 'choose',
      'empty', 'choose', 'type', 'type',
    ]);
    // Without --assets the files are named as the sheet names them, and the sheet says they were not checked.
    expect(line(c, 'photo').note).toBe('（未检查文件）');
    expect(c.rowProblems).toEqual([]);
    expect(c.photo).toBeNull();
  });

  it('a row with an error gets no card: the reasons are the error messages with their field', () => {
    const built = buildCard(checked({ birthDate: '1980.02', certNo: '' }), { lang: 'zh', messages, lookups });
    expect('missing' in built).toBe(true);
    const m = (built as { missing: MissingCard }).missing;
    expect(m.reasons.map((r) => [r.field, r.rule])).toEqual([['birthDate', 'birth-date-matches-id'], ['certNo', 'cert-no-before-2021']]);
    expect(m.reasons[0]!.message).toBe('出生年月 1980-02 与身份证号中的 1980-01 不一致（见指南 三（六））');
    expect(m).toMatchObject({ name: '张三', idNumber: OWN, title: '工程师', source: { file: 'test.xlsx', sheet: 'Sheet1', row: 2 } });
  });

  it('出生年月 from the ID number when the sheet has none, and YYYY-MM when the sheet gives a day', () => {
    expect(line(card(checked({}, { omit: ['birthDate'] })), 'birthDate')).toMatchObject({ value: '1980-01', note: '按身份证号中的出生日期' });
    expect(line(card(checked({ birthDate: '1980-01-01' })), 'birthDate')).toMatchObject({ value: '1980-01', note: null });
    expect(line(card(checked({ birthDate: new Date(Date.UTC(1980, 0, 1)) })), 'birthDate').value).toBe('1980-01');
  });

  it('dates from Date cells, serials and text all come out as YYYY-MM-DD', () => {
    const c = card(checked({ issueDate: new Date(Date.UTC(2019, 11, 20)), obtainDate: '2019年11月15日' }));
    expect(line(c, 'issueDate').value).toBe('2019-12-20');
    expect(line(c, 'obtainDate').value).toBe('2019-11-15');
  });

  it('the dropdown name of a specialty; a series spelled another way keeps the sheet\'s spelling with the standard name', () => {
    const c = card(checked({ specialty: '建设专业', series: '工程' }));
    expect(line(c, 'specialty')).toMatchObject({ value: '建设', note: '登记表中写作“建设专业”，下拉栏中的名称如上' });
    expect(line(c, 'series')).toMatchObject({ value: '工程', note: '标准名称为“工程技术”，请在下拉栏中选对应的系列' });
  });

  it('hints follow the row: 初定 dates and committee, senior authority and approval number, the attachment by year', () => {
    const initial = card(checked({
      title: '助理工程师', level: '初级（含员级）', method: '初定', approvalNo: '铜职改办【2019】2号', issueDate: '2019-03-15', obtainDate: '2019-03-15',
      committee: '重庆市铜梁区职称改革办公室', specialty: '其他', localSpecialty: '土木工程',
    }));
    expect(line(initial, 'issueDate').hint).toBe('批准文件印发时间（初定：与取得时间相同）');
    expect(line(initial, 'committee').hint).toBe('初定、确认（中、初级）填写“重庆市铜梁区职称改革办公室”');
    expect(line(initial, 'localSpecialty')).toMatchObject({ value: '土木工程', action: 'type' });
    const mid = card(checked({}));
    expect(line(mid, 'committee').hint).toBe('批准文件中评审委员会的全称，请完整填写，不能简写');
    expect(line(mid, 'approvalNo').hint).toContain('铜职改办【2019】XX号');
    expect(line(mid, 'attachment').hint).toContain('2021年及以前');
  });

  it('warnings on their field, row-level ones and fields the form does not have on the card itself', () => {
    const c = card(checked({ method: '评定了', obtainDate: '2017-11-15' }));
    expect(line(c, 'obtainDate').problems).toEqual([expect.objectContaining({ severity: 'warning', label: '取得时间', message: expect.stringContaining('相差一年以上') })]);
    expect(c.rowProblems.map((p) => [p.severity, p.label])).toEqual([['warning', '取得方式']]);
  });

  it('the sheet shows its holder\'s ID in full and masks anyone else\'s (file names often carry ID numbers)', () => {
    const other: Finding = {
      rule: 'method-known', messageId: 'unknown', severity: 'warning', file: 'test.xlsx', sheet: 'Sheet1', row: 2, column: null, field: null,
      header: null, value: null, data: { value: `${OTHER}.jpg 与 ${OWN}.jpg`, allowed: '评审' }, suggestion: null, fix: null,
    };
    const c = card(checked({}, { extra: [other] }));
    expect(c.rowProblems[0]!.message).toContain(`110105********002X.jpg 与 ${OWN}.jpg`);
    expect(c.rowProblems[0]!.message).not.toContain(OTHER);
  });

  it('English hints with --lang en; values stay as the platform shows them', () => {
    const c = card(checked({}), 'en');
    expect(line(c, 'region')).toMatchObject({ value: '铜梁区', label: '行政区划', hint: 'senior titles: 重庆市; intermediate and junior: 铜梁区' });
  });
});

describe('maskOthers', () => {
  it.each([
    [`${OWN}`, OWN],
    [`${OTHER}`, '110105********002X'],
    [`${OTHER.toLowerCase()} ${OWN}`, `110105********002x ${OWN}`],
    [`a${OWN}b${OTHER}c`, `a${OWN}b110105********002Xc`],
    ['5002241980010112351', '5002241980010112351'],
  ])('%s → %s', (text, want) => {
    expect(maskOthers(text, OWN)).toBe(want);
  });

  it('an own ID with a final x matches either case', () => {
    expect(maskOthers(`${OTHER} / ${OTHER.toLowerCase()}`, OTHER.toLowerCase())).toBe(`${OTHER} / ${OTHER.toLowerCase()}`);
  });
});
