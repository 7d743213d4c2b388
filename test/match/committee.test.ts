/** The committee matcher: the data, exact names, near misses, ties, unknown names, user additions, the CLI text. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { committeesCommand } from '../../src/cli/committees.js';
import type { PlatformLevel } from '../../src/data/levels.js';
import { settingsFrom } from '../../src/config.js';
import { InputError } from '../../src/errors.js';
import {
  benchCommitteeMatching, expandKey, formKey, levelsAgree, levelsFromName, loadCommitteeMatcher, parseCommitteeEntries, periodKey,
  seriesFromName, shippedCommittees, similarity, type CommitteeEntry, type CommitteeMatch, type MatchHint, type Verdict,
} from '../../src/match/committee.js';

const matcher = loadCommitteeMatcher();
const entries = matcher.entries;
const byName = (name: string): CommitteeEntry => {
  const e = matcher.byName(name);
  if (!e) throw new Error(`not in the data: ${name}`);
  return e;
};

const ZG: PlatformLevel = '高级（正高）';
const FG: PlatformLevel = '高级（副高）';

const JIANSHE = '重庆市工程技术建设专业副高级职称评审委员会';
const TL_ENG = '重庆市工程技术中级职务铜梁区评审委员会';
const ACC_ZG = '重庆市会计专业正高级职称评审委员会';
const ACC_FG = '重庆市会计专业副高级职称评审委员会';

/** 三（十四）1（2）（3）, as the guide prints them. */
const MIDDLE = [
  '重庆市工程技术中级职务铜梁区非公企业评审委员会', '重庆市工程技术中级职务铜梁区评审委员会', '重庆市中小学教师中级职务铜梁区评审委员会',
  '重庆市中职教师中级职务永川片区评审委员会', '重庆市新闻专业中级职称永川片区评审委员会', '重庆市艺术专业中级职称永川片区评审委员会',
  '重庆市图书资料专业中级职称永川片区评审委员会', '重庆市文物博物专业中级职称永川片区评审委员会', '重庆市群众文化专业中级职称永川片区评审委员会',
];

describe('data/committees.json', () => {
  it('holds the 95 committees of annex 2 numbered 1–95, the 9 中级 committees and the 2 offices', () => {
    const annex = entries.filter((e) => e.item);
    expect(annex.map((e) => e.item)).toEqual(Array.from({ length: 95 }, (_, i) => i + 1));
    expect(annex.every((e) => e.source === `指南附件2 第${e.item}项` && e.range && e.organiser)).toBe(true);
    const middle = entries.filter((e) => e.kind === 'committee' && !e.item);
    expect(middle.map((e) => e.name).sort()).toEqual([...MIDDLE].sort());
    for (const e of middle) expect(e.levels).toEqual(['中级', '初级（含员级）']);
    const offices = entries.filter((e) => e.kind === 'office');
    expect(offices.map((e) => [e.name, e.levels])).toEqual([
      ['重庆市铜梁区职称改革办公室', ['中级', '初级（含员级）']],
      ['重庆市职称改革办公室', [ZG, FG]],
    ]);
    expect(entries).toHaveLength(106);
  });

  it('holds the corrected names of the two misprints, with the printed forms', () => {
    expect(byName('重庆市工程技术广播电视专业副高级职称评审委员会')).toMatchObject({ item: 24, misprints: ['重重庆市工程技术广播电视专业副高级职称评审委员会'] });
    expect(byName('重庆市自然科学研究高级职称市农科院评审委员会')).toMatchObject({ item: 45, misprints: ['重庆市自然科学研究高级职称市农科院审委员会'] });
  });

  it('gives every committee the levels and series its name says (checked by hand once, pinned here)', () => {
    for (const e of entries.filter((x) => x.kind === 'committee')) {
      expect(e.levels, e.name).toEqual(levelsFromName(e.name));
      expect(e.series, e.name).toEqual(seriesFromName(e.name));
    }
  });

  it.each([
    ['重庆市工程技术正高级职称评审委员会', [ZG], ['工程技术']],
    [JIANSHE, [FG], ['工程技术']],
    ['重庆市工程技术林业专业高级职称评审委员会', [ZG, FG], ['工程技术']],
    ['重庆市农业技术推广研究员评审委员会', [ZG], ['农业技术']],
    ['重庆市农业技术高级职务市农科院评审委员会', [ZG, FG], ['农业技术']],
    ['重庆市畜牧兽医技术高级职称评审委员会', [ZG, FG], ['农业技术']],
    ['重庆市自然科学研究高级职称市畜科院评审委员会', [ZG, FG], ['自然科学研究']],
    ['重庆市文学创作专业高级职称评审委员会', [ZG, FG], ['艺术']],
    ['重庆市工艺美术专业副高级职称评审委员会', [FG], ['工艺美术']],
    ['重庆市党校系统教师高级职称评审委员会', [ZG, FG], ['党校教师', '高等学校教师']],
    ['重庆市老年教育学校教师高级职称评审委员会', [ZG, FG], null],
    ['重庆市技工学校教师高级职称评审委员会', [ZG, FG], ['技工院校教师']],
    ['重庆市播音专业高级职称评审委员会', [ZG, FG], ['播音主持']],
    ['重庆市体育教练专业副高级职称评审委员会', [FG], ['体育']],
    ['重庆市社会科学研究高级职称评审委员会', [ZG, FG], ['哲学社会科学研究']],
    ['重庆市卫生技术药学（生产、流通领域）专业高级职称评审委员会', [ZG, FG], ['卫生技术']],
    ['重庆市工程技术药品和医疗器械专业副高级职称评审委员会', [FG], ['工程技术']],
    ['重庆市中小学正高级教师职称评审委员会', [ZG], ['中小学教师']],
    ['重庆市中职教师中级职务永川片区评审委员会', ['中级', '初级（含员级）'], ['中等职业学校教师']],
  ] as const)('%s awards %j of %j', (name, levels, series) => {
    expect(byName(name).levels).toEqual(levels);
    expect(byName(name).series).toEqual(series);
  });
});

describe('official names', () => {
  it('each matches itself exactly and ranks itself first, with no other name scoring 1', () => {
    for (const e of entries) {
      for (const year of [2021, 2019, 1990, null]) {
        const m = matcher.match(e.name, { year });
        expect(m, e.name).toMatchObject({ verdict: e.kind === 'office' ? 'office' : 'exact', entry: e, certain: true });
        expect(m.suggestion).toBeUndefined();
      }
      const [first, second] = matcher.closest(e.name, 2);
      expect(first!.entry, e.name).toBe(e);
      expect(first!.score).toBe(1);
      expect(second!.score, e.name).toBeLessThan(1);
    }
  });

  it('have distinct keys, and expanding abbreviations leaves them unchanged', () => {
    const keys = entries.map((e) => formKey(e.name));
    expect(new Set(keys).size).toBe(entries.length);
    for (const k of keys) expect(expandKey(k)).toBe(k);
  });

  it('still match when spaces, full-width and half-width forms are scattered through them (property)', () => {
    const variant = fc.record({
      index: fc.nat({ max: entries.length - 1 }),
      spaces: fc.array(fc.tuple(fc.nat(), fc.constantFrom(' ', '\u3000', '\t')), { maxLength: 4 }),
      halfWidth: fc.boolean(),
      year: fc.integer({ min: 1985, max: 2025 }),
    });
    fc.assert(fc.property(variant, ({ index, spaces, halfWidth, year }) => {
      const e = entries[index]!;
      let text = halfWidth ? e.name.replace(/（/g, '(').replace(/）/g, ')').replace(/、/g, ',') : e.name;
      for (const [at, space] of spaces) {
        const i = (at % (text.length - 1)) + 1;
        text = text.slice(0, i) + space + text.slice(i);
      }
      const m = matcher.match(text, { year });
      expect(m.entry).toBe(e);
      expect(m.certain).toBe(true);
      if (e.kind === 'committee') expect(m.verdict).toBe(text === e.name ? 'exact' : 'form');
      if (text !== e.name) expect(m.suggestion).toBe(e.name);
    }), { numRuns: 300 });
  });

  it('with one character dropped or mistyped, in 2021 (their list\'s year): a certain answer is always the name itself', () => {
    let self = 0;
    let total = 0;
    for (const e of entries.filter((x) => x.kind === 'committee')) {
      for (let i = 0; i < e.name.length; i++) {
        for (const text of [e.name.slice(0, i) + e.name.slice(i + 1), e.name.slice(0, i) + '口' + e.name.slice(i + 1)]) {
          // Dropping 正 from 中等职业学校教师正高级 leaves the name of item 51: that is a name, not a miss.
          if (matcher.byName(text)) continue;
          total++;
          const m = matcher.match(text, { year: 2021, level: e.levels[0]! });
          if (m.certain) expect(m.entry?.name, text).toBe(e.name);
          if (m.verdict === 'typo' || m.verdict === 'incomplete') {
            if (m.entry) expect(m.entry.name, text).toBe(e.name);
            else expect(m.candidates, text).toContain(e);
          }
          if (m.entry === e) self++;
        }
      }
    }
    // Most are found; the rest tie with a sibling (内科/外科, 第一/第二医院) or are left to a person (a place or specialty cut).
    expect(self / total).toBeGreaterThan(0.8);
  });
});

interface Case {
  text: string;
  hint?: MatchHint;
  verdict: Verdict;
  entry?: string;
  candidates?: string[];
  certain?: boolean;
  office?: CommitteeMatch['office'];
  shape?: CommitteeMatch['shape'];
}

/** 2021 has a list of its own (annex 2, the guide's 中级 names); 2019, 2010 and 1995 have none. */
const Y21 = { year: 2021 } as const;
const Y19 = { year: 2019 } as const;

describe('match', () => {
  it.each<Case>([
    // the two misprints of annex 2: certain in any year
    { text: '重重庆市工程技术广播电视专业副高级职称评审委员会', verdict: 'misprint', entry: '重庆市工程技术广播电视专业副高级职称评审委员会', certain: true },
    { text: '重 重庆市工程技术广播电视专业副高级职称评审委员会', hint: Y19, verdict: 'misprint', entry: '重庆市工程技术广播电视专业副高级职称评审委员会', certain: true },
    { text: '重庆市自然科学研究高级职称市农科院审委员会', verdict: 'misprint', entry: '重庆市自然科学研究高级职称市农科院评审委员会', certain: true },
    // brackets, width, punctuation: certain in any year
    { text: '重庆市卫生技术(内科)高级职称评审委员会', verdict: 'form', entry: '重庆市卫生技术（内科）高级职称评审委员会', certain: true },
    { text: '重庆市卫生技术内科高级职称评审委员会', hint: { year: 1999 }, verdict: 'form', entry: '重庆市卫生技术（内科）高级职称评审委员会', certain: true },
    { text: '重庆市工程技术农机水产专业副高级职称评审委员会', verdict: 'form', entry: '重庆市工程技术农机、水产专业副高级职称评审委员会', certain: true },
    // shorthands: the name they stand for; certain only with a list of the year
    { text: '建设副高评委会', hint: { level: FG, ...Y21 }, verdict: 'incomplete', shape: 'abbreviation', entry: JIANSHE, certain: true },
    { text: '建设副高评委会', hint: { level: FG, ...Y19 }, verdict: 'incomplete', entry: JIANSHE, certain: false },
    { text: '建设副高评委会', verdict: 'incomplete', entry: JIANSHE, certain: false },
    { text: '建设副高评委会', hint: { level: '中级', ...Y21 }, verdict: 'incomplete', candidates: [], certain: false },
    { text: '重庆市工程技术正高评委会', hint: Y21, verdict: 'incomplete', entry: '重庆市工程技术正高级职称评审委员会', certain: true },
    { text: '重庆市工程技术正高级职称评委', hint: Y21, verdict: 'incomplete', entry: '重庆市工程技术正高级职称评审委员会', certain: true },
    { text: '重庆市中小学教师中级职务铜梁区评委会', hint: Y21, verdict: 'incomplete', entry: '重庆市中小学教师中级职务铜梁区评审委员会', certain: true },
    // …the closest is suggested, but 铜梁区非公企业 fits too: no certainty
    { text: '工程技术铜梁区评委会', hint: Y21, verdict: 'incomplete', entry: TL_ENG, certain: false },
    { text: '重庆市畜牧兽医技术高级职称评审委会', hint: Y21, verdict: 'typo', entry: '重庆市畜牧兽医技术高级职称评审委员会', certain: true },
    { text: '重庆市畜牧兽医技术高级职称评审委会', hint: Y19, verdict: 'incomplete', shape: 'partial', entry: '重庆市畜牧兽医技术高级职称评审委员会', certain: false },
    { text: '重庆市人力资源和社会保障局', verdict: 'incomplete', shape: 'notCommittee', candidates: [] },
    { text: '评审委员会', verdict: 'incomplete', shape: 'noSeries', candidates: [] },
    { text: '建设', verdict: 'incomplete', shape: 'notCommittee', candidates: [] },
    // the row's level picks among a shorthand's candidates; 中级 never gets a 高级 name
    { text: '会计评委会', hint: { level: FG, series: '会计', ...Y21 }, verdict: 'incomplete', entry: ACC_FG, certain: true },
    { text: '会计评委会', hint: { level: ZG, series: '会计', ...Y21 }, verdict: 'incomplete', entry: ACC_ZG, certain: true },
    { text: '会计评委会', hint: Y21, verdict: 'incomplete', candidates: [ACC_FG, ACC_ZG], certain: false },
    // the row's place picks between 铜梁区 and 永川片区 committees (by the approval number's issuer)
    { text: '新闻中级评委会', hint: { level: '中级', place: '永川', ...Y21 }, verdict: 'incomplete', entry: '重庆市新闻专业中级职称永川片区评审委员会', certain: true },
    // offices
    { text: '铜梁区职改办', verdict: 'office', office: 'abbreviation', entry: '重庆市铜梁区职称改革办公室', certain: true },
    { text: '市职改办', verdict: 'office', office: 'abbreviation', entry: '重庆市职称改革办公室', certain: true },
    { text: '重庆市铜梁区 职称改革办公室', verdict: 'office', office: 'form', entry: '重庆市铜梁区职称改革办公室', certain: true },
    { text: '重庆市铜梁县职称改革办公室', verdict: 'office', office: 'period', entry: '重庆市铜梁区职称改革办公室', certain: false },
    { text: '重庆市大足区职称改革办公室', verdict: 'office', office: 'other', certain: false },
    // one or two characters off a name of the row's own year
    { text: '重庆市工程技术建设专业付高级职称评审委员会', hint: { level: FG, ...Y21 }, verdict: 'typo', entry: JIANSHE, certain: true },
    { text: '重庆市工程技术建设专业副高级评审委员会', hint: Y21, verdict: 'typo', entry: JIANSHE, certain: true },
    { text: '重庆市工程技术建设副高级职称评审委员会', hint: Y21, verdict: 'typo', entry: JIANSHE, certain: true },
    { text: '重庆市卫生技术（纳科）高级职称评审委员会', hint: Y21, verdict: 'typo', candidates: ['重庆市卫生技术（内科）高级职称评审委员会', '重庆市卫生技术（外科）高级职称评审委员会'], certain: false },
    { text: '重庆市工程技术中级职务铜梁区评审委', hint: Y21, verdict: 'typo', entry: TL_ENG, certain: true },
    // …but not in a year without a list: the 2021 list is only a reference
    { text: '重庆市工程技术建设专业付高级职称评审委员会', hint: { level: FG, ...Y19 }, verdict: 'unlisted', certain: false },
    { text: '重庆市工程技术建设专业副高级评审委员会', hint: Y19, verdict: 'unlisted', certain: false },
    // the spellings of other periods
    { text: '重庆市工程技术中级职称铜梁区评审委员会', hint: Y21, verdict: 'period', candidates: [TL_ENG], certain: false },
    { text: '工程技术中级职务铜梁区评审委员会', hint: Y21, verdict: 'period', candidates: [TL_ENG], certain: false },
    { text: '重庆市工程技术中级职务铜梁县评审委员会', hint: { year: 2010 }, verdict: 'period', candidates: [TL_ENG] },
    { text: '重庆市会计专业高级职称评审委员会', hint: { level: FG, ...Y21 }, verdict: 'period', candidates: [ACC_FG] },
    { text: '重庆市会计专业高级职称评审委员会', hint: { level: ZG, ...Y21 }, verdict: 'period', candidates: [ACC_ZG] },
    { text: '重庆市会计专业高级职称评审委员会', verdict: 'period', candidates: [ACC_FG, ACC_ZG] },
    { text: '重庆市工程技术林业专业副高级职称评审委员会', hint: Y21, verdict: 'period', candidates: ['重庆市工程技术林业专业高级职称评审委员会'] },
    // 副高级 is not 正高级; a name without a specialty or a place is not a typo of one with it
    { text: '重庆市工程技术副高级职称评审委员会', hint: { level: FG, ...Y21 }, verdict: 'unlisted' },
    { text: '重庆市工程技术高级职称评审委员会', hint: { level: FG, ...Y21 }, verdict: 'unlisted' },
    { text: '重庆市工程技术高级职称评审委员会', hint: { level: ZG, ...Y21 }, verdict: 'period', candidates: ['重庆市工程技术正高级职称评审委员会'] },
    { text: '重庆市新闻专业中级职称评审委员会', hint: Y21, verdict: 'unlisted' },
    // 中级 is never 高级 (the issue: a 中级 建设 committee was "corrected" to the 工业设计 高级 one)
    { text: '重庆市工程技术建设专业中级职称评审委员会', hint: { level: '中级', series: '工程技术', ...Y21 }, verdict: 'unlisted', candidates: [TL_ENG, '重庆市工程技术中级职务铜梁区非公企业评审委员会'] },
    // another place is another committee
    { text: '重庆市工程技术中级职务大足区评审委员会', hint: Y21, verdict: 'unlisted' },
    { text: '重庆市工程技术中级职务梁平区评审委员会', hint: Y21, verdict: 'unlisted' },
    { text: '重庆医科大学附属第三医院卫生技术副高级职称评审委员会', hint: Y21, verdict: 'unlisted' },
    { text: '四川省工程技术高级职称评审委员会', hint: Y21, verdict: 'unlisted' },
  ])('$text $hint → $verdict $entry', (c) => {
    const m = matcher.match(c.text, c.hint);
    expect(m.verdict).toBe(c.verdict);
    if (c.entry) {
      expect(m.entry?.name).toBe(c.entry);
      expect(m.suggestion).toBe(c.entry);
      expect(m.closest[0]?.name).toBe(c.entry);
    } else {
      expect(m.entry).toBeUndefined();
      expect(m.suggestion).toBeUndefined();
    }
    if (c.candidates) expect(m.candidates.map((e) => e.name).sort()).toEqual([...c.candidates].sort());
    if (c.certain !== undefined) expect(m.certain).toBe(c.certain);
    if (c.office) expect(m.office).toBe(c.office);
    if (c.shape) expect(m.shape).toBe(c.shape);
    for (const s of m.closest) expect(s.score).toBeGreaterThanOrEqual(0);
    for (const s of m.closest) expect(s.score).toBeLessThanOrEqual(1);
    // Nothing that says 中级/初级 is ever matched to a 高级 name, or the reverse.
    const senior = (t: string) => /高级|推广研究员/.test(expandKey(formKey(t)));
    const middle = (t: string) => /中级|初级/.test(expandKey(formKey(t)));
    for (const e of [m.entry, ...m.candidates].filter((x) => x && x.kind === 'committee')) {
      if (middle(c.text)) expect(senior(e!.name), e!.name).toBe(false);
      if (senior(c.text)) expect(middle(e!.name), e!.name).toBe(false);
    }
  });

  it('judges a row against the list of its year, or the nearest as a reference', () => {
    expect(matcher.yearLists(2021).own.map((l) => l.id)).toEqual(['annex2-2021', 'guide-middle', 'guide-offices']);
    expect(matcher.yearLists(2022).own.map((l) => l.id)).toEqual(['guide-middle', 'guide-offices']);
    const y2019 = matcher.yearLists(2019);
    expect(y2019.own).toEqual([]);
    expect(y2019.reference.map((l) => l.id)).toEqual(['annex2-2021', 'guide-middle', 'guide-offices']);
    expect(matcher.yearLists(2024).reference.map((l) => l.id)).toEqual(['guide-middle', 'guide-offices']);
    expect(matcher.yearLists(null)).toMatchObject({ year: null, own: [] });
    expect(matcher.match(JIANSHE, { year: 1990 }).lists.own).toEqual([]);
  });

  it('never gives a certain answer for another period\'s spelling or a name off the list (property)', () => {
    const changes: ((s: string) => string)[] = [
      (s) => s.replace('职称', '职务'), (s) => s.replace('职务', '职称'), (s) => s.replace('铜梁区', '铜梁县'),
      (s) => s.replace(/^重庆市/, ''), (s) => s.replace(/[正副]高级/, '高级'),
    ];
    fc.assert(fc.property(fc.nat({ max: entries.length - 1 }), fc.nat({ max: changes.length - 1 }), fc.integer({ min: 1985, max: 2025 }), (i, c, year) => {
      const e = entries[i]!;
      if (e.kind !== 'committee') return;
      const text = changes[c]!(e.name);
      if (text === e.name || matcher.byName(text)) return;
      const m = matcher.match(text, { year, level: e.levels[0]! });
      expect(['period', 'unlisted'], `${text} ${year} → ${m.verdict}`).toContain(m.verdict);
      expect(m.certain).toBe(false);
    }), { numRuns: 300 });
  });

  it('names the three closest names for an unlisted text, the likeliest first', () => {
    const m = matcher.match('重庆市工程技术中级职务梁平区评审委员会');
    expect(m.closest).toHaveLength(3);
    expect(m.closest[0]!.name).toBe(TL_ENG);
    expect(m.closest[0]!.score).toBeGreaterThanOrEqual(m.closest[1]!.score);
    expect(m.closest[1]!.score).toBeGreaterThanOrEqual(m.closest[2]!.score);
  });

  it('returns the same answer from its cache, and answers an empty text with nothing', () => {
    const first = matcher.match('建设副高评委会', { level: FG, year: 2021 });
    expect(matcher.match('建设副高评委会', { level: FG, year: 2021 })).toBe(first);
    expect(matcher.match('  建设副高评委会 ', { level: FG, year: 2021 })).toEqual(first);
    expect(matcher.match('建设副高评委会', { level: FG, year: 2019 }).certain).toBe(false);
    expect(matcher.match('   ')).toMatchObject({ verdict: 'unlisted', candidates: [], closest: [] });
  });

  it('scores 2·LCS/(|a|+|b|) between 0 and 1', () => {
    expect(similarity('abc', 'abc')).toBe(1);
    expect(similarity('abc', 'xyz')).toBe(0);
    expect(similarity('ab', 'abcd')).toBeCloseTo(4 / 6);
    expect(similarity('', '')).toBe(1);
  });

  it('folds the spellings of other periods', () => {
    expect(periodKey(formKey('重庆市工程技术中级职务铜梁县评审委员会'))).toBe(periodKey(formKey(TL_ENG)));
    expect(periodKey('工程技术中级职称铜梁区评审委员会')).toBe(periodKey(formKey(TL_ENG)));
    expect(levelsAgree('高', '副')).toBe(true);
    expect(levelsAgree('正', '副')).toBe(false);
    expect(levelsAgree('中', '高')).toBe(false);
    expect(levelsAgree('初', '中')).toBe(false);
    expect(levelsAgree(null, '中')).toBe(true);
  });

  it('matches every row of a benchmark batch (the lead\'s bench reads the time)', () => {
    const r = benchCommitteeMatching(5_000, 300);
    expect(r.rows).toBe(5_000);
    expect(Object.values(r.kinds).reduce((a, b) => a + b, 0)).toBe(5_000);
    expect(r.kinds.exact).toBeGreaterThan(0);
    expect(r.kinds.incomplete).toBeGreaterThan(0);
    expect(r.kinds.unlisted).toBeGreaterThan(0);
  });
});

describe('committees added by the user', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cert-check-committees-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const OLD = '重庆市工程技术中级职务大足区评审委员会';
  /** The committees a configuration naming `file` adds, read as a run reads them. */
  const readCommitteeFile = (file: string): CommitteeEntry[] =>
    settingsFrom({ committees: file }, join(dir, 'cert-check.config.json'), []).data.committees.entries.filter((e) => e.user);

  it('are read from a JSON file, with levels, series and kind taken from the name when left out', () => {
    const file = join(dir, 'committees-any.json');
    writeFileSync(file, JSON.stringify({ committees: [{ name: OLD, source: '大足区职改办 2019' }, { name: '重庆市大足区职称改革办公室' }] }));
    const extra = readCommitteeFile(file);
    expect(extra[0]).toMatchObject({ name: OLD, kind: 'committee', levels: ['中级', '初级（含员级）'], series: ['工程技术'], user: true });
    expect(extra[0]!.lists[0]).toMatchObject({ years: null, user: true });
    expect(extra[1]).toMatchObject({ kind: 'office', series: null });
    const m = loadCommitteeMatcher(extra);
    expect(m.entries).toHaveLength(108);
    expect(m.match(OLD, { year: 2019 })).toMatchObject({ verdict: 'exact', entry: { name: OLD } });
    // A name known for no particular year makes no year's list: its shorthand is suggested, not fixed.
    expect(m.match('重庆市工程技术中级职务大足区评委会', { year: 2019 })).toMatchObject({ verdict: 'incomplete', entry: { name: OLD }, certain: false });
    // the shipped list is untouched
    expect(matcher.match(OLD, { year: 2019 }).verdict).toBe('unlisted');
    expect(shippedCommittees()).toHaveLength(106);
  });

  it('give lists of their own years: a row of such a year is judged against them', () => {
    const file = join(dir, 'committees-2015.json');
    writeFileSync(file, JSON.stringify({ lists: [{ years: [2014, 2016], source: '大足区职改办 2015年文件', committees: [{ name: OLD }] }] }));
    const m = loadCommitteeMatcher(readCommitteeFile(file));
    const list = m.lists.find((l) => l.user)!;
    expect(list).toMatchObject({ years: [2014, 2016], source: '大足区职改办 2015年文件', user: true });
    expect(m.yearLists(2015).own).toEqual([list]);
    expect(m.match('重庆市工程技术中级职务大足区评委会', { year: 2015, level: '中级' })).toMatchObject({ verdict: 'incomplete', entry: { name: OLD }, certain: true });
    expect(m.match('重庆市工程技术中级职务大足区评审委员', { year: 2015, level: '中级' })).toMatchObject({ verdict: 'typo', entry: { name: OLD }, certain: true });
    expect(m.match('重庆市工程技术中级职称大足区评审委员会', { year: 2015, level: '中级' })).toMatchObject({ verdict: 'period', certain: false });
    // …and 2019 still has no list
    expect(m.match('重庆市工程技术中级职务大足区评委会', { year: 2019 }).certain).toBe(false);
  });

  it('may give a year per entry', () => {
    const [entry] = parseCommitteeEntries([{ name: OLD, year: 2012 }], 'config');
    const m = loadCommitteeMatcher([entry!]);
    expect(m.yearLists(2012).own.map((l) => l.years)).toEqual([[2012, 2012]]);
    expect(m.match('重庆市工程技术中级职务大足区评审委员', { year: 2012 }).certain).toBe(true);
  });

  it('may correct a shipped entry by giving its name again, keeping its list', () => {
    const [fix] = parseCommitteeEntries([{ name: '重庆市中小学教师（文科类）高级职称评审委员会', levels: ['副高'] }], 'config');
    const m = loadCommitteeMatcher([fix!]);
    expect(m.entries).toHaveLength(106);
    expect(m.byName(fix!.name)!.levels).toEqual([FG]);
    expect(m.byName(fix!.name)!.lists.map((l) => l.id)).toContain('annex2-2021');
  });

  it.each([
    ['not JSON', '{ committees: [', /JSON|Unexpected|Expected/],
    ['a level the platform lacks', JSON.stringify([{ name: '某评审委员会', levels: ['特级'] }]), /特级/],
    ['an entry without a name', JSON.stringify([{ levels: ['中级'] }]), /name/],
    ['years in the wrong order', JSON.stringify({ lists: [{ years: [2016, 2014], committees: [] }] }), /lists\.0\.years/],
    ['a year that is no year', JSON.stringify([{ name: '某评审委员会', year: 15 }]), /year/],
  ])('are refused with one sentence when the file holds %s', (_label, text, detail) => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, text);
    try {
      readCommitteeFile(file);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).id).toBe('bad-config');
      expect((err as InputError).text('zh')).toMatch(detail);
      expect((err as InputError).text('zh')).toContain(file);
    }
  });

  it('reports a missing file as a missing path', () => {
    expect(() => readCommitteeFile(join(dir, 'nope.json'))).toThrow(expect.objectContaining({ id: 'missing-path' }));
  });
});

describe('cert-check committees', () => {
  it('lists every list with its years and source, and every name once, numbered, grouped by kind and level', () => {
    const text = committeesCommand(undefined, { lang: 'zh' });
    for (const e of entries) expect(text.split(e.name).length - 1, e.name).toBe(1);
    expect(text).toContain('名单：2021年重庆市高级职称评审委员会参考名单（2021年，指南附件2，95 个）');
    expect(text).toContain('名单：铜梁区、永川片区中级职称评审委员会全称（2021—2022年，指南 三（十四）1（2）（3），9 个）');
    expect(text).toContain('正高级评审委员会（6）');
    expect(text).toContain('副高级评审委员会（');
    expect(text).toContain('中级、初级评审委员会（9）');
    expect(text).toContain('初定、确认：职称改革办公室（2）');
    expect(text).toMatch(/^ +1\. 重庆市工程技术正高级职称评审委员会 — 全市 · 市人力社保局 · 附件2第1项$/m);
    expect(text).toMatch(/^ +106\. /m);
  });

  it('says which list a year is judged against', () => {
    expect(committeesCommand(undefined, { lang: 'zh', year: 2021 }).split('\n')[0]).toBe(
      '按 2021 年判断，使用 2021 年的名单：2021年重庆市高级职称评审委员会参考名单（2021年）；铜梁区、永川片区中级职称评审委员会全称（2021—2022年）；初定、确认填写的职称改革办公室（2021—2022年）。',
    );
    expect(committeesCommand(JIANSHE, { lang: 'zh', year: 2008 }).split('\n')[0]).toMatch(/^按 2008 年判断：2008 年没有自己的名单，以最近的名单作参考：2021年重庆市高级职称评审委员会参考名单（2021年）/);
    expect(committeesCommand(JIANSHE, { lang: 'en', year: 2008 }).split('\n')[0]).toMatch(/^Judged as 2008: 2008 has no list of its own; the nearest is only a reference/);
    expect(committeesCommand(JIANSHE, { lang: 'zh' }).split('\n')[0]).toMatch(/^未指定年份/);
  });

  it('gives the verdict and the ten closest names with scores for a query', () => {
    const text = committeesCommand('建设副高评委会', { lang: 'zh', year: 2021 });
    const lines = text.split('\n');
    expect(lines[1]).toBe(`名称不完整，请完整填写：${JIANSHE}（当年名单中唯一对应，--fix 会改正）`);
    const ranked = lines.filter((l) => /^ +\d+\. \d\.\d\d  /.test(l));
    expect(ranked).toHaveLength(10);
    expect(ranked[0]).toContain(JIANSHE);
    expect(committeesCommand('建设副高评委会', { lang: 'zh', year: 2019 }).split('\n')[1]).toBe(`名称不完整，请完整填写：${JIANSHE}（只作建议：没有当年的名单）`);
  });

  it.each([
    [JIANSHE, 'zh', undefined, undefined, `“${JIANSHE}”是名单中的名称。`],
    ['重庆市自然科学研究高级职称市农科院审委员会', 'zh', undefined, undefined, '照抄了指南附件2的印刷错误，正式名称是：重庆市自然科学研究高级职称市农科院评审委员会'],
    ['重庆市会计专业高级职称评审委员会', 'zh', 2015, '副高', `与名单中的“${ACC_FG}”只是不同时期的写法，请与批准文件核对（不判错、不自动修改）。`],
    ['重庆市工程技术建设专业付高级职称评审委员会', 'zh', 2021, undefined, `与当年名单中的名称只差一两个字，应写作：${JIANSHE}`],
    ['铜梁区职改办', 'zh', undefined, undefined, '这是职称改革办公室（初定、确认填写）：重庆市铜梁区职称改革办公室'],
    ['会计评委会', 'en', 2021, undefined, `incomplete; it may be: ${ACC_ZG}; ${ACC_FG}`],
    ['重庆市人力资源和社会保障局', 'en', undefined, undefined, 'incomplete, and no listed committee matches it: write the full name from the approval document.'],
  ] as const)('says what %s is (%s, %s, %s)', (query, lang, year, level, verdict) => {
    expect(committeesCommand(query, { lang, year, level }).split('\n')[1]).toBe(verdict);
  });
});
