/**
 * A checker that cries wolf is worse than none: every title of the national table, registered the way the
 * guide says (its series and level, a committee of the annex that awards it, region and authority by level,
 * an approval number of the right office and year, consistent dates and ID), must give no error and no warning.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { loadReferenceData } from '../../src/data/reference.js';
import { Engine } from '../../src/engine/engine.js';
import { isSenior } from '../../src/data/levels.js';
import { checkCharacter } from '../../src/util/id-number.js';
import { makeRecord, testContext } from '../helpers/records.js';

const data = loadReferenceData();
const CITY = '重庆市人力资源和社会保障局（重庆市职称改革办公室）';
const DISTRICT = '铜梁区人力资源和社会保障局';

function id(n: number): string {
  const first = `500224198${n % 10}0${1 + (n % 9)}1${n % 9}${String(100 + (n % 800)).padStart(3, '0')}`;
  return first + checkCharacter(first);
}

/** Every title-table row that some committee of the guide's lists awards, with that committee. */
const cases = data.guide.titles.flatMap((t, n) => {
  const committee = data.committees.entries.find(
    (e) => e.kind === 'committee' && e.levels.includes(t.platformLevel) && e.series?.includes(t.series),
  );
  return committee ? [{ n, ...t, committee: committee.name }] : [];
});

describe('correct rows stay clean', () => {
  it('covers most of the title table', () => {
    expect(cases.length).toBeGreaterThan(150);
  });

  it.each(cases.map((c) => [`${c.series} ${c.platformLevel} ${c.title}`, c] as const))('%s', (_name, c) => {
    const senior = isSenior(c.platformLevel);
    const idNumber = id(c.n);
    const record = makeRecord({
      name: '李华', idNumber, birthDate: `${idNumber.slice(6, 10)}.${idNumber.slice(10, 12)}`,
      series: c.series, level: c.platformLevel, title: c.title, method: '评审',
      // 三（四）2: the approval comes from the office of the committee: the city, 铜梁区, or the 永川片区.
      approvalNo: senior ? '渝职改办【2019】125号' : /片区/.test(c.committee) ? '永职改办【2019】15号' : '铜职改办【2019】15号',
      region: senior ? '重庆市' : '铜梁区', authority: senior ? CITY : DISTRICT,
      hasSpecialty: '是', specialty: '其他', localSpecialty: '某专业',
      issueDate: '2019-12-20', obtainDate: '2019-11-15', committee: c.committee, certNo: `C2019${c.n}`,
    }, { row: 2 + c.n });
    const engine = new Engine(RULES, testContext());
    const found = engine.check(record).filter((f) => f.severity !== 'info');
    expect(found.map((f) => `${f.rule}: ${f.field} ${JSON.stringify(f.data)}`)).toEqual([]);
  });
});

/** Titles obtained by 初定 (中级/初级) and 确认 (高级): the offices of 三（十四）2, both dates the document's date. */
const offices = data.guide.titles.filter((t) => t.status.includes('V')).map((t, n) => ({ n: 1000 + n, ...t }));

describe('correct 初定/确认 rows stay clean', () => {
  it.each(offices.map((c) => [`${c.series} ${c.platformLevel} ${c.title}`, c] as const))('%s', (_name, c) => {
    const senior = isSenior(c.platformLevel);
    const idNumber = id(c.n);
    const record = makeRecord({
      name: '王芳', idNumber, birthDate: `${idNumber.slice(6, 10)}.${idNumber.slice(10, 12)}`,
      series: c.series, level: c.platformLevel, title: c.title, method: senior ? '确认' : '初定',
      approvalNo: senior ? '渝职改办【2022】8号' : '铜职改办【2022】3号',
      region: senior ? '重庆市' : '铜梁区', authority: senior ? CITY : DISTRICT,
      hasSpecialty: '是', specialty: '其他', localSpecialty: '某专业',
      issueDate: '2022-04-08', obtainDate: '2022-04-08', certNo: '',
      committee: senior ? '重庆市职称改革办公室' : '重庆市铜梁区职称改革办公室',
    }, { row: 2 + c.n });
    const found = new Engine(RULES, testContext()).check(record).filter((f) => f.severity !== 'info');
    expect(found.map((f) => `${f.rule}: ${f.field} ${JSON.stringify(f.data)}`)).toEqual([]);
  });
});
