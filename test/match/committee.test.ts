/** The committee matcher: the data, exact names, near misses, ties, unknown names, user additions, the CLI text. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { committeesCommand } from '../../src/cli/committees.js';
import type { PlatformLevel } from '../../src/data/levels.js';
import { InputError } from '../../src/errors.js';
import {
  benchCommitteeMatching, expandKey, formKey, levelsFromName, loadCommitteeMatcher, parseCommitteeEntries,
  readCommitteeFile, seriesFromName, shippedCommittees, similarity, type CommitteeEntry, type MatchHint,
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
      const m = matcher.match(e.name);
      expect(m, e.name).toMatchObject({ kind: 'exact', reason: 'verbatim', entry: e });
      expect(m.suggestion).toBeUndefined();
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
    });
    fc.assert(fc.property(variant, ({ index, spaces, halfWidth }) => {
      const e = entries[index]!;
      let text = halfWidth ? e.name.replace(/（/g, '(').replace(/）/g, ')').replace(/、/g, ',') : e.name;
      for (const [at, space] of spaces) {
        const i = (at % (text.length - 1)) + 1;
        text = text.slice(0, i) + space + text.slice(i);
      }
      const m = matcher.match(text);
      expect(m.entry).toBe(e);
      expect(m.kind).toBe('exact');
      if (text !== e.name) expect(m).toMatchObject({ reason: 'form', suggestion: e.name });
    }), { numRuns: 300 });
  });

  it('with one character dropped or mistyped, are matched to themselves, or named among tied candidates, never to another', () => {
    let self = 0;
    let total = 0;
    for (const e of entries) {
      for (let i = 0; i < e.name.length; i++) {
        for (const text of [e.name.slice(0, i) + e.name.slice(i + 1), e.name.slice(0, i) + '口' + e.name.slice(i + 1)]) {
          total++;
          const m = matcher.match(text);
          // Dropping 正 from 中等职业学校教师正高级 leaves the name of item 51: that is a name, not a miss.
          if (matcher.byName(text)) continue;
          if (m.kind === 'ambiguous') expect(m.candidates, text).toContain(e);
          else expect(m.entry?.name, text).toBe(e.name);
          if (m.entry === e) self++;
        }
      }
    }
    // Most are unique; the rest tie with a sibling (内科/外科, 第一/第二医院, 正高级/副高级).
    expect(self / total).toBeGreaterThan(0.95);
  });
});

interface Case {
  text: string;
  hint?: MatchHint;
  kind: 'exact' | 'near' | 'ambiguous' | 'unknown';
  reason?: string;
  entry?: string;
  candidates?: string[];
  tieBroken?: boolean;
}

describe('match', () => {
  it.each<Case>([
    // the two misprints of annex 2
    { text: '重重庆市工程技术广播电视专业副高级职称评审委员会', kind: 'near', reason: 'misprint', entry: '重庆市工程技术广播电视专业副高级职称评审委员会' },
    { text: '重 重庆市工程技术广播电视专业副高级职称评审委员会', kind: 'near', reason: 'misprint', entry: '重庆市工程技术广播电视专业副高级职称评审委员会' },
    { text: '重庆市自然科学研究高级职称市农科院审委员会', kind: 'near', reason: 'misprint', entry: '重庆市自然科学研究高级职称市农科院评审委员会' },
    // abbreviations
    { text: '建设副高评委会', hint: { level: FG }, kind: 'near', reason: 'fuzzy', entry: JIANSHE },
    { text: '建设副高评委会', kind: 'near', reason: 'fuzzy', entry: JIANSHE },
    { text: '重庆市工程技术正高评委会', kind: 'near', reason: 'abbreviation', entry: '重庆市工程技术正高级职称评审委员会' },
    { text: '重庆市工程技术正高级职称评委', kind: 'near', reason: 'abbreviation', entry: '重庆市工程技术正高级职称评审委员会' },
    { text: '重庆市中小学教师中级职务铜梁区评委会', kind: 'near', reason: 'abbreviation', entry: '重庆市中小学教师中级职务铜梁区评审委员会' },
    { text: '工程技术铜梁区评委会', kind: 'near', entry: TL_ENG },
    { text: '铜梁区职改办', kind: 'near', entry: '重庆市铜梁区职称改革办公室' },
    // missing words
    { text: '重庆市工程技术建设专业副高级评审委员会', kind: 'near', entry: JIANSHE },
    { text: '工程技术建设专业副高级职称评审委员会', kind: 'near', entry: JIANSHE },
    { text: '工程技术建设专业副高级评审委员会', kind: 'near', entry: JIANSHE },
    { text: '重庆市工程技术建设副高级职称评审委员会', kind: 'near', entry: JIANSHE },
    { text: '重庆市畜牧兽医技术高级职称评审委会', kind: 'near', entry: '重庆市畜牧兽医技术高级职称评审委员会' },
    // typos and a wrong word
    { text: '重庆市工程技术建设专业付高级职称评审委员会', kind: 'near', entry: JIANSHE },
    { text: '重庆市工程技术中级职称铜梁区评审委员会', kind: 'near', entry: TL_ENG },
    { text: '重庆市工程技术林业专业副高级职称评审委员会', kind: 'near', entry: '重庆市工程技术林业专业高级职称评审委员会' },
    // brackets, width, punctuation
    { text: '重庆市卫生技术(内科)高级职称评审委员会', kind: 'exact', reason: 'form', entry: '重庆市卫生技术（内科）高级职称评审委员会' },
    { text: '重庆市卫生技术内科高级职称评审委员会', kind: 'exact', reason: 'form', entry: '重庆市卫生技术（内科）高级职称评审委员会' },
    { text: '重庆市工程技术农机水产专业副高级职称评审委员会', kind: 'exact', reason: 'form', entry: '重庆市工程技术农机、水产专业副高级职称评审委员会' },
    // the 正高/副高 tie, broken by the row's level (and series) only
    { text: '重庆市会计专业高级职称评审委员会', hint: { level: ZG }, kind: 'near', entry: ACC_ZG, tieBroken: true },
    { text: '重庆市会计专业高级职称评审委员会', hint: { level: FG }, kind: 'near', entry: ACC_FG, tieBroken: true },
    { text: '重庆市会计专业高级职称评审委员会', hint: { level: FG, series: '会计' }, kind: 'near', entry: ACC_FG, tieBroken: true },
    { text: '重庆市会计专业高级职称评审委员会', kind: 'ambiguous', candidates: [ACC_ZG, ACC_FG] },
    { text: '重庆市会计专业高级职称评审委员会', hint: { level: '中级' }, kind: 'ambiguous', candidates: [ACC_ZG, ACC_FG] },
    { text: '重庆市经济专业高级职称评审委员会', hint: { level: ZG }, kind: 'near', entry: '重庆市经济专业正高级职称评审委员会', tieBroken: true },
    { text: '重庆市卫生技术（纳科）高级职称评审委员会', kind: 'ambiguous', candidates: ['重庆市卫生技术（内科）高级职称评审委员会', '重庆市卫生技术（外科）高级职称评审委员会'] },
    // a bare 高级 is as close to 正高级 as to the 副高级 committees of a specialty: the row's level decides
    { text: '重庆市工程技术高级职称评审委员会', hint: { level: ZG }, kind: 'near', entry: '重庆市工程技术正高级职称评审委员会' },
    { text: '重庆市工程技术高级职称评审委员会', hint: { level: FG }, kind: 'ambiguous' },
    // 副高级 written: not a typo of the 正高级 committee, and the specialty is missing
    { text: '重庆市工程技术副高级职称评审委员会', hint: { level: FG }, kind: 'ambiguous' },
    // another place is another committee
    { text: '重庆市工程技术中级职务大足区评审委员会', kind: 'unknown' },
    { text: '重庆市工程技术中级职务梁平区评审委员会', kind: 'unknown' },
    // far from everything
    { text: '重庆市人力资源和社会保障局', kind: 'unknown' },
    { text: '四川省工程技术高级职称评审委员会', kind: 'unknown' },
    { text: '评审委员会', kind: 'unknown' },
    { text: '建设', kind: 'unknown' },
  ])('$text $hint → $kind $entry', (c) => {
    const m = matcher.match(c.text, c.hint);
    expect(m.kind).toBe(c.kind);
    if (c.reason) expect(m.reason).toBe(c.reason);
    if (c.entry) {
      expect(m.entry?.name).toBe(c.entry);
      expect(m.suggestion).toBe(c.entry);
      expect(m.closest[0]?.name).toBe(c.entry);
    } else {
      expect(m.entry).toBeUndefined();
      expect(m.suggestion).toBeUndefined();
    }
    if (c.candidates) expect(m.candidates.map((e) => e.name)).toEqual(c.candidates);
    expect(m.tieBroken ?? false).toBe(c.tieBroken ?? false);
    for (const s of m.closest) expect(s.score).toBeGreaterThanOrEqual(0);
    for (const s of m.closest) expect(s.score).toBeLessThanOrEqual(1);
  });

  it('names the three closest names for an unknown text, the likeliest first', () => {
    const m = matcher.match('重庆市工程技术中级职务梁平区评审委员会');
    expect(m.closest).toHaveLength(3);
    expect(m.closest[0]!.name).toBe(TL_ENG);
    expect(m.closest[0]!.score).toBeGreaterThanOrEqual(m.closest[1]!.score);
    expect(m.closest[1]!.score).toBeGreaterThanOrEqual(m.closest[2]!.score);
  });

  it('returns the same answer from its cache, and answers an empty text with nothing', () => {
    const first = matcher.match('建设副高评委会', { level: FG });
    const again = matcher.match('  建设副高评委会 ', { level: FG });
    expect(again).toEqual(first);
    expect(matcher.match('   ')).toEqual({ kind: 'unknown', candidates: [], closest: [] });
  });

  it('scores 2·LCS/(|a|+|b|) between 0 and 1', () => {
    expect(similarity('abc', 'abc')).toBe(1);
    expect(similarity('abc', 'xyz')).toBe(0);
    expect(similarity('ab', 'abcd')).toBeCloseTo(4 / 6);
    expect(similarity('', '')).toBe(1);
  });

  it('matches every row of a benchmark batch (the lead\'s bench reads the time)', () => {
    const r = benchCommitteeMatching(5_000, 300);
    expect(r.rows).toBe(5_000);
    expect(Object.values(r.kinds).reduce((a, b) => a + b, 0)).toBe(5_000);
    expect(r.kinds.exact).toBeGreaterThan(0);
    expect(r.kinds.near).toBeGreaterThan(0);
    expect(r.kinds.unknown).toBeGreaterThan(0);
  });
});

describe('committees added by the user', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cert-check-committees-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const OLD = '重庆市工程技术中级职务大足区评审委员会';

  it('are read from a JSON file, with levels, series and kind taken from the name when left out', () => {
    const file = join(dir, 'committees-2019.json');
    writeFileSync(file, JSON.stringify({ committees: [{ name: OLD, source: '大足区职改办 2019' }, { name: '重庆市大足区职称改革办公室' }] }));
    const extra = readCommitteeFile(file);
    expect(extra[0]).toMatchObject({ name: OLD, kind: 'committee', levels: ['中级', '初级（含员级）'], series: ['工程技术'], user: true });
    expect(extra[1]).toMatchObject({ kind: 'office', series: null });
    const m = loadCommitteeMatcher(extra);
    expect(m.entries).toHaveLength(108);
    expect(m.match(OLD)).toMatchObject({ kind: 'exact', entry: { name: OLD } });
    expect(m.match('重庆市工程技术中级职务大足区评委会')).toMatchObject({ kind: 'near', entry: { name: OLD } });
    // the shipped list is untouched
    expect(matcher.match(OLD).kind).toBe('unknown');
    expect(shippedCommittees()).toHaveLength(106);
  });

  it('may correct a shipped entry by giving its name again', () => {
    const [fix] = parseCommitteeEntries([{ name: '重庆市中小学教师（文科类）高级职称评审委员会', levels: ['副高'] }], 'config');
    const m = loadCommitteeMatcher([fix!]);
    expect(m.entries).toHaveLength(106);
    expect(m.byName(fix!.name)!.levels).toEqual([FG]);
  });

  it.each([
    ['not JSON', '{ committees: [', /JSON|Unexpected|Expected/],
    ['a level the platform lacks', JSON.stringify([{ name: '某评审委员会', levels: ['特级'] }]), /特级/],
    ['an entry without a name', JSON.stringify([{ levels: ['中级'] }]), /name/],
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
  it('lists every name once, numbered, grouped by kind and level', () => {
    const text = committeesCommand(undefined, { lang: 'zh' });
    for (const e of entries) expect(text.split(e.name).length - 1, e.name).toBe(1);
    expect(text).toContain('正高级评审委员会（6）');
    expect(text).toContain('副高级评审委员会（');
    expect(text).toContain('中级、初级评审委员会（9）');
    expect(text).toContain('初定、确认：职称改革办公室（2）');
    expect(text).toMatch(/^ +1\. 重庆市工程技术正高级职称评审委员会 — 全市 · 市人力社保局 · 附件2第1项$/m);
    expect(text).toMatch(/^ +106\. /m);
  });

  it('gives the verdict and the ten closest names with scores for a query', () => {
    const text = committeesCommand('建设副高评委会', { lang: 'zh' });
    const lines = text.split('\n');
    expect(lines[0]).toBe(`请完整填写：${JIANSHE}`);
    const ranked = lines.filter((l) => /^ +\d+\. \d\.\d\d  /.test(l));
    expect(ranked).toHaveLength(10);
    expect(ranked[0]).toContain(JIANSHE);
  });

  it.each([
    [JIANSHE, 'zh', `“${JIANSHE}”是正式名称。`],
    ['重庆市自然科学研究高级职称市农科院审委员会', 'zh', '照抄了指南附件2的印刷错误，正式名称是：重庆市自然科学研究高级职称市农科院评审委员会'],
    ['重庆市会计专业高级职称评审委员会', 'en', `incomplete; it may be: ${ACC_ZG}; ${ACC_FG}`],
    ['重庆市人力资源和社会保障局', 'en', 'not among the committees the guide lists; cannot be verified.'],
  ] as const)('says what %s is (%s)', (query, lang, verdict) => {
    expect(committeesCommand(query, { lang }).split('\n')[0]).toBe(verdict);
  });
});
