/**
 * Committee-name matcher: the 评审机构 lists of data/committees.json, each for the years it
 * names the committees of (the guide's annex 2 is the **2021** list), the users' lists of other years, and a
 * verdict for a 评审机构 text judged against the list of the row's year — never with more certainty than the
 * data gives.
 *
 * Verdicts, in order (guide 三（十四）1: the committee of the approval document, written in full):
 * - `exact`: the text is a listed name (of any list: a name of another year is that year's name) → fine;
 * - `form`: equal after folding width, spaces, brackets and punctuation (`formKey`) → a certain fix of form;
 * - `misprint`: a misprint of the guide's annex 2 copied → a certain fix;
 * - `office`: a 职称改革办公室 (初定/确认; rule committee-office);
 * - `incomplete`: a shorthand (评委会, 副高 …), a text that is no "…评审委员会", or one that names no series.
 *   Candidates are the listed names the text is a shortened or slightly mistyped form of (`nearMissExtras`),
 *   narrowed to those that fit the row's level, series and place; with exactly one left it is the
 *   suggestion, and `certain` when that name is on the list of the row's own year;
 * - `period`: a complete name that differs from a listed one only by a spelling of another period
 *   (`periodKey`: 职务↔职称, 县↔区, 高级 where the list says 正高级/副高级, no 重庆市 in front) → the closest
 *   listed names that fit the row, for a warning; never a fix;
 * - `typo`: a complete name one or two characters off (`distance` ≤ 2) a name **on the list of the row's own
 *   year**, of the same level, series and place, specialty recognisable → suggestion when one fits, and
 *   then `certain`;
 * - `unlisted`: any other complete name: not on the list of the row's year (or the year has no list and the
 *   nearest list is only a reference) → the closest listed names that fit the row, for a warning.
 * A name that says 中级/初级 is never matched to one that says 高级 (or the reverse), 正高级 never to 副高级,
 * and a name that lacks a place or a specialty is not a typo of one that has it.
 *
 * Ranking (for shorthand candidates and the closest names) is `similarity` = 2·LCS / (|a|+|b|) of the
 * expanded keys with 正高级/副高级 folded to 高级. A name is a shorthand candidate when it ranks at least
 * MIN_SCORE and the text adds at most two characters the name lacks, never two side by side, names no other
 * place and no level of the other kind. Candidates within MARGIN of the best that need the fewest added
 * characters are kept. MIN_SCORE 0.6 admits 建设副高评委会 (0.73 against its committee once expanded) and
 * keeps out texts that share only the frame 重庆市…职称评审委员会. MARGIN 0.04 is about one substitution on
 * names of ~20 characters: the smallest difference between two real names (内科/外科), which must tie.
 * Answers are cached by text and hint, rankings by expanded key: a batch pays the ranking once per spelling.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { defaultDistrict, type DistrictProfile } from '../data/district.js';
import { canonicalLevel, PLATFORM_LEVELS, type PlatformLevel } from '../data/levels.js';
import { PLACES } from '../data/places.js';
import { InputError } from '../errors.js';
import { yearsText } from '../i18n/words.js';
import { dataPath } from '../paths.js';

export type CommitteeKind = 'committee' | 'office';

/** A list of committee names and the years it gives the names of. */
export interface CommitteeList {
  id: string;
  /** What the list is, e.g. 2021年重庆市高级职称评审委员会参考名单. */
  title: string;
  /** Where it comes from, e.g. 指南附件2, or the configuration file. */
  source: string;
  /** First and last year whose committees it names; null: names known for no particular year. */
  years: readonly [number, number] | null;
  note?: string;
  /** From the user's configuration. */
  user?: boolean;
}

/** One 评审机构: a review committee, or an office (职称改革办公室) that signs 初定/确认. */
export interface CommitteeEntry {
  /** The full official name. */
  name: string;
  kind: CommitteeKind;
  /** The 职称级别 values it awards. */
  levels: readonly PlatformLevel[];
  /** Series it reviews (canonical names as in data/titles.tsv); null = unsure, no series check. */
  series: readonly string[] | null;
  /** Misprinted forms in the source that sheets copy (still recognised, reported with the right name). */
  misprints?: readonly string[];
  /** 评审范围 (全市, 本单位 …). */
  range?: string | null;
  /** 评委会组建单位. */
  organiser?: string | null;
  /** Where the name comes from, e.g. 指南附件2 第1项, 指南 三（十四）1（2）. */
  source: string;
  /** 序号 in the guide's annex 2. */
  item?: number | null;
  note?: string;
  /** Added by the user's configuration. */
  user?: boolean;
  /** The lists that name it (the years it is known under this name). */
  lists: readonly CommitteeList[];
}

export interface MatchHint {
  /** The row's 职称级别 (canonical). */
  level?: PlatformLevel | null;
  /** The row's 职称系列 (canonical, as the guide data names it). */
  series?: string | null;
  /** The row's year (取得时间, else 发证时间, else the approval number's year). */
  year?: number | null;
  /** The place the row's approval came from (the district's place, or its 片区's), when its approval number tells. */
  place?: string | null;
}

export type Verdict = 'exact' | 'form' | 'misprint' | 'office' | 'incomplete' | 'period' | 'typo' | 'unlisted';
/**
 * Why a text is incomplete: a shorthand (评委会, 副高), a committee word cut short (…评审委会), no committee
 * word at all (人社局, 考试中心), no series named.
 */
export type IncompleteShape = 'abbreviation' | 'partial' | 'notCommittee' | 'noSeries';

export interface ScoredName {
  name: string;
  /** 0..1, 1 = same name after normalisation. */
  score: number;
  entry: CommitteeEntry;
}

/** The lists a row is judged against: those of its own year, or else the nearest as a reference. */
export interface YearLists {
  year: number | null;
  /** Lists that cover the year (empty when the year has none). */
  own: readonly CommitteeList[];
  /** `own`, or the nearest dated lists when the year has none (all of them when the year is unknown). */
  reference: readonly CommitteeList[];
}

export interface CommitteeMatch {
  verdict: Verdict;
  /** The committee (or office) meant, when one is known: exact, form, misprint, a known office, one candidate. */
  entry?: CommitteeEntry;
  /** The full name to type, when it can be known (form, misprint, one candidate). */
  suggestion?: string;
  /** The correction is certain (form, misprint; one candidate on the list of the row's own year). */
  certain: boolean;
  /** incomplete/typo: the listed names it may be, fitting the row; period/unlisted: the closest such names. */
  candidates: CommitteeEntry[];
  /** The closest names overall, best first (up to 3). */
  closest: ScoredName[];
  shape?: IncompleteShape;
  /** For `office`: how the text names the office (exact, form, abbreviation, period spelling, another office). */
  office?: 'exact' | 'form' | 'abbreviation' | 'period' | 'other';
  lists: YearLists;
}

export interface CommitteeMatcher {
  readonly entries: readonly CommitteeEntry[];
  readonly lists: readonly CommitteeList[];
  /** The verdict for a text (answers are cached and shared: do not modify them). */
  match(text: string, hint?: MatchHint): CommitteeMatch;
  /** The `n` names closest to a query, best first. */
  closest(query: string, n?: number): ScoredName[];
  /** The entry of an official name (exact spelling), if any. */
  byName(name: string): CommitteeEntry | undefined;
  /** The lists of a year, or the nearest ones. */
  yearLists(year: number | null | undefined): YearLists;
}

export const MIN_SCORE = 0.6;
export const MARGIN = 0.04;
/** Near-miss gates are checked on this many best-ranked names at most. */
const GATE_CHECKS = 24;
/** Characters the text may add (typos) and still be a shorthand of a name. */
const MAX_EXTRA = 2;
/** Characters a complete name may differ from a listed one and be its typo. */
const MAX_TYPO = 2;
const CACHE_LIMIT = 20_000;
const TOP = 10;

/** Other provinces (and the centre): a committee named after one is not a Chongqing committee. */
export const OTHER_PROVINCES = [
  '北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西', '山东',
  '河南', '湖北', '湖南', '广东', '广西', '海南', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆',
  '香港', '澳门', '台湾', '国家', '中国', '中央', '人力资源和社会保障部', '人事部',
] as const;

// ---------------------------------------------------------------------------------------------------------
// Normalisation

const DROP = /[\s\u200b-\u200d\ufeff()[\]{}【】〔〕〖〗〘〙﹝﹞《》〈〉「」『』、，,·・.。．;；:：'"“”‘’!！?？]/g;

/** Width, spaces, brackets and punctuation folded: texts equal here differ only in form. */
export function formKey(text: string): string {
  return text.normalize('NFKC').replace(DROP, '');
}

const ABBREVIATIONS: readonly [RegExp, string][] = [
  [/([正副])?高评委(?:会|(?!员))/g, '$1高级职称评审委员会'],
  [/中评委(?:会|(?!员))/g, '中级职称评审委员会'],
  [/评委(?:会|(?!员))/g, '评审委员会'],
  [/评审会/g, '评审委员会'],
  [/职改办/g, '职称改革办公室'],
  [/([正副])高(?!级)/g, '$1高级'],
];

/** `formKey` with the usual abbreviations written out (评委会 → 评审委员会, 副高 → 副高级, 职改办 → …). */
export function expandKey(key: string): string {
  let out = key;
  for (const [re, to] of ABBREVIATIONS) out = out.replace(re, to);
  return out;
}

const LEVEL_WORD = /正高级|副高级|高级|中级|初级/;

/**
 * The key with the spellings of other periods folded: 职务 → 职称, 县 → 区, no 重庆市 in front, the level
 * word replaced by # (levels are compared by `levelsAgree`).
 */
export function periodKey(key: string): string {
  return key.replace(/职务/g, '职称').replace(/县/g, '区').replace(/^重庆市?/, '').replace(LEVEL_WORD, '#');
}

/** 2·LCS(a, b) / (|a| + |b|): 1 − the insert/delete distance over the total length. */
export function similarity(a: string, b: string): number {
  if (!a.length && !b.length) return 1;
  return (2 * lcsLength(a, b)) / (a.length + b.length);
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

function lcsLength(a: string, b: string): number {
  const m = b.length;
  if (rowA.length <= m) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
  }
  let prev = rowA;
  let cur = rowB;
  prev.fill(0, 0, m + 1);
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    cur[0] = 0;
    for (let j = 1; j <= m; j++) {
      cur[j] = b.charCodeAt(j - 1) === c ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}

/** Positions of `a` left out by one longest common subsequence with `b`. */
function unmatchedPositions(a: string, b: string): number[] {
  const n = a.length;
  const w = b.length + 1;
  const t = new Int32Array((n + 1) * w);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j < w; j++) {
      t[i * w + j] = a[i - 1] === b[j - 1] ? t[(i - 1) * w + j - 1]! + 1 : Math.max(t[(i - 1) * w + j]!, t[i * w + j - 1]!);
    }
  }
  const out: number[] = [];
  for (let i = n, j = w - 1; i > 0; ) {
    if (j > 0 && a[i - 1] === b[j - 1]) {
      i--;
      j--;
    } else if (j > 0 && t[i * w + j - 1]! >= t[(i - 1) * w + j]!) j--;
    else out.push(--i);
  }
  return out.reverse();
}

type LevelWord = '正' | '副' | '高' | '中' | '初';

/** The level a name states: 正高级, 副高级, bare 高级, 中级, 初级, or none. */
export function levelWord(key: string): LevelWord | null {
  if (/正高级|推广研究员/.test(key)) return '正';
  if (/副高级/.test(key)) return '副';
  if (/高级/.test(key)) return '高';
  if (/中级/.test(key)) return '中';
  if (/初级/.test(key)) return '初';
  return null;
}

const SENIOR_WORDS: ReadonlySet<LevelWord> = new Set(['正', '副', '高']);

/**
 * Two stated levels may name the same committee: the same kind (高级 vs 中级/初级 never), and 正高级 never
 * for 副高级; a bare 高级 (an older name, or a committee of both) agrees with either. A name without a level agrees.
 */
export function levelsAgree(a: LevelWord | null, b: LevelWord | null): boolean {
  if (!a || !b || a === b) return true;
  if (SENIOR_WORDS.has(a) !== SENIOR_WORDS.has(b)) return false;
  if (!SENIOR_WORDS.has(a)) return a === b;
  return a === '高' || b === '高';
}

/** 正高级 and 副高级 written 高级: the level qualifier costs nothing, so the row's level can decide. */
function scoringKey(key: string): string {
  return key.replace(/[正副]高级/g, '高级');
}

/** The places a key names (江津, 合川 …; 县 and 区 alike). */
export function placesOf(key: string): string[] {
  return PLACES.filter((p) => key.includes(p));
}

/** `key` without the places it shares with `other` (with their 区/县/片区). */
function withoutPlaces(key: string, other: string): string {
  let out = key;
  for (const place of PLACES) if (key.includes(place) && other.includes(place)) out = out.replace(new RegExp(`${place}(?:片区|区|县)?`, 'g'), '');
  return out;
}

/**
 * How many characters the text adds to the name when it reads as that name shortened (or with a typo or
 * two), or null when it does not: at most two added, never two side by side, no other place, no level of
 * the other kind (副高级 is not 正高级; 中级 is never 高级).
 */
function nearMissExtras(query: string, name: string): number | null {
  for (const place of PLACES) if (query.includes(place) && !name.includes(place)) return null;
  // A place both name, wherever each puts it (江津区中小学教师中级评委会 for …中级职务江津区评审委员会), is no added text.
  const extra = unmatchedPositions(withoutPlaces(query, name), withoutPlaces(name, query));
  if (extra.length > MAX_EXTRA) return null;
  for (let i = 1; i < extra.length; i++) if (extra[i] === extra[i - 1]! + 1) return null;
  if (!levelsAgree(levelWord(query), levelWord(name))) return null;
  return extra.length;
}

// ---------------------------------------------------------------------------------------------------------
// Levels and series from a name

const SENIOR: readonly PlatformLevel[] = ['高级（正高）', '高级（副高）'];
const MIDDLE: readonly PlatformLevel[] = ['中级', '初级（含员级）'];

/**
 * The levels a committee awards, read from its name: 正高级 (or 推广研究员) → 正高 only; 副高级 → 副高 only;
 * 高级 → both; 中级 → 中级 and 初级 (中级 committees also pass 初级 where 初级 is reviewed); 初级 → 初级.
 * A name that says none of these awards anything (no level check).
 */
export function levelsFromName(name: string): PlatformLevel[] {
  const key = formKey(name);
  if (/正高级|推广研究员/.test(key)) return ['高级（正高）'];
  if (/副高级/.test(key)) return ['高级（副高）'];
  if (/高级/.test(key)) return [...SENIOR];
  if (/中级/.test(key)) return [...MIDDLE];
  if (/初级/.test(key)) return ['初级（含员级）'];
  return [...PLATFORM_LEVELS];
}

/** True when the name states a level (正高级, 副高级, 高级, 中级, 初级, 推广研究员). */
export function statesLevel(name: string): boolean {
  return levelWord(expandKey(formKey(name))) !== null;
}

/**
 * Series words in committee names → canonical series (data/titles.tsv). First match wins, so 工程技术
 * decides 工程技术药品和医疗器械 and 卫生技术 decides 卫生技术药学. 畜牧兽医 titles (高级畜牧师, 高级兽医师) are
 * 农业技术 titles in the national table; 文学创作 titles (一级文学创作 …) are 艺术 titles. 党校系统教师 award
 * 教授/副教授, names the national table gives 高等学校教师: either series is accepted. 老年教育学校教师 has no
 * series the table knows: no series check.
 */
const SERIES_WORDS: readonly [RegExp, string[] | null][] = [
  [/工程技术/, ['工程技术']],
  [/卫生技术/, ['卫生技术']],
  [/中小学|中学教师|小学教师/, ['中小学教师']],
  [/中等职业学校教师|中职教师|中等专业学校教师|中专教师/, ['中等职业学校教师']],
  [/技工学校|技工院校|技校教师/, ['技工院校教师']],
  [/自然科学研究/, ['自然科学研究']],
  [/社会科学研究/, ['哲学社会科学研究']],
  [/实验技术/, ['实验技术']],
  [/党校/, ['党校教师', '高等学校教师']],
  [/高等学校教师|高校教师/, ['高等学校教师']],
  [/老年教育/, null],
  [/畜牧兽医|农业技术/, ['农业技术']],
  [/工艺美术/, ['工艺美术']],
  [/文学创作|艺术/, ['艺术']],
  [/经济/, ['经济']],
  [/会计/, ['会计']],
  [/新闻/, ['新闻']],
  [/播音/, ['播音主持']],
  [/图书资料/, ['图书资料']],
  [/群众文化/, ['群众文化']],
  [/文物博物/, ['文物博物']],
  [/出版/, ['出版']],
  [/体育/, ['体育']],
  [/律师/, ['律师']],
  [/公证/, ['公证']],
  [/档案/, ['档案']],
  [/统计/, ['统计']],
  [/翻译/, ['翻译']],
  [/审计/, ['审计']],
];

/** Index of the series word a key names (first match), or -1. */
function seriesIndex(key: string): number {
  return SERIES_WORDS.findIndex(([re]) => re.test(key));
}

/** The series word as a key writes it (工程技术, 中职教师, 畜牧兽医 …), or ''. */
function seriesWordOf(key: string): string {
  for (const [re] of SERIES_WORDS) {
    const m = re.exec(key);
    if (m) return m[0];
  }
  return '';
}

/** The series a committee name says it reviews, or null when the name does not tell. */
export function seriesFromName(name: string): string[] | null {
  const i = seriesIndex(formKey(name));
  const series = i < 0 ? null : SERIES_WORDS[i]![1];
  return series && [...series];
}

/**
 * The parts of a name that identify one committee among its siblings: the specialty between the series and
 * the level (建设, 农机水产, 内科) and the unit before the series or between 职称/职务 and 评审委员会
 * (重庆医科大学附属第一医院, 某区非公企业, 市工商联).
 */
function identity(key: string): { specialty: string; units: string[] } {
  const series = SERIES_WORDS.find(([re]) => re.test(key))?.[0];
  const sm = series ? series.exec(key) : null;
  const lm = LEVEL_WORD.exec(key);
  let specialty = '';
  if (sm && lm && lm.index > sm.index + sm[0].length) {
    specialty = key.slice(sm.index + sm[0].length, lm.index).replace(/^系列/, '').replace(/(专业|行业)$/, '').replace(/教师/, '');
  }
  const units: string[] = [];
  if (sm) {
    const prefix = key.slice(0, sm.index).replace(/^重庆市?/, '').replace(/系统$/, '');
    if (prefix) units.push(prefix);
  }
  const tail = /(?:职称|职务)(.+?)评审委员会$/.exec(key);
  if (tail?.[1]) units.push(tail[1]);
  return { specialty, units };
}

// ---------------------------------------------------------------------------------------------------------
// Data: data/committees.json and the user's additions

const LevelSchema = z.string().transform((s, ctx) => {
  const level = canonicalLevel(s);
  if (!level) {
    ctx.addIssue({ code: 'custom', message: `unknown level "${s}" (use 高级（正高）, 高级（副高）, 中级, 初级（含员级）)` });
    return z.NEVER;
  }
  return level;
});

const Year = z.number().int().min(1949).max(2199);
const Years = z.tuple([Year, Year]).refine(([a, b]) => a <= b, 'the first year comes first');

/** An entry as written in data/committees.json or in the configuration (levels and series may be left out). */
export const CommitteeEntrySchema = z.object({
  name: z.string().trim().min(1),
  kind: z.enum(['committee', 'office']).optional(),
  levels: z.array(LevelSchema).min(1).optional(),
  series: z.array(z.string().trim().min(1)).nullable().optional(),
  misprints: z.array(z.string().trim().min(1)).optional(),
  range: z.string().nullable().optional(),
  organiser: z.string().nullable().optional(),
  source: z.string().optional(),
  item: z.number().int().positive().nullable().optional(),
  note: z.string().optional(),
  /** The one year the name is known for (configuration). */
  year: Year.optional(),
  /** The first and last year the name is known for (configuration). */
  years: Years.optional(),
});

/** A list: its years, where it comes from, its committees. */
export const CommitteeListSchema = z.object({
  id: z.string().trim().min(1).optional(),
  title: z.string().trim().min(1).optional(),
  source: z.string().trim().min(1).optional(),
  year: Year.optional(),
  years: Years.optional(),
  note: z.string().optional(),
  committees: z.array(CommitteeEntrySchema),
});

/** Fills what an entry leaves out from its name (kind, levels, series). */
export function completeEntry(input: z.output<typeof CommitteeEntrySchema>, user: boolean, list?: CommitteeList): CommitteeEntry {
  const kind = input.kind ?? (/职称改革办公室|职改办$/.test(formKey(input.name)) ? 'office' : 'committee');
  const ownList = list ?? entryList(input, user);
  const entry: CommitteeEntry = {
    name: input.name,
    kind,
    levels: input.levels ?? levelsFromName(input.name),
    series: input.series === undefined ? (kind === 'office' ? null : seriesFromName(input.name)) : input.series,
    source: input.source ?? (input.item ? `${ownList.source} 第${input.item}项` : ownList.source),
    lists: [ownList],
  };
  if (input.misprints?.length) entry.misprints = input.misprints;
  if (input.range !== undefined) entry.range = input.range;
  if (input.organiser !== undefined) entry.organiser = input.organiser;
  if (input.item !== undefined) entry.item = input.item;
  if (input.note) entry.note = input.note;
  if (user) entry.user = true;
  return entry;
}

const userLists = new Map<string, CommitteeList>();

/** The list an entry of the configuration belongs to: one per year range (and one for entries without a year). */
function entryList(input: { year?: number; years?: readonly [number, number] }, user: boolean): CommitteeList {
  const years = input.years ?? (input.year ? ([input.year, input.year] as const) : null);
  const id = `${user ? 'config' : 'data'}:${years ? years.join('-') : 'any'}`;
  let list = userLists.get(id);
  if (!list) {
    const span = yearsText(years, 'zh');
    list = { id, title: `配置文件中的评审机构（${span}）`, source: user ? '配置文件' : 'data', years, ...(user ? { user: true } : {}) };
    userLists.set(id, list);
  }
  return list;
}

function listOf(input: z.output<typeof CommitteeListSchema>, user: boolean, where: string, n: number): CommitteeList {
  const years = input.years ?? (input.year ? ([input.year, input.year] as const) : null);
  const span = yearsText(years, 'zh');
  return {
    id: input.id ?? `${user ? 'config' : 'data'}:list${n}`,
    title: input.title ?? (user ? `配置文件中的评审机构（${span}）` : `评审机构名单（${span}）`),
    source: input.source ?? where,
    years,
    ...(input.note ? { note: input.note } : {}),
    ...(user ? { user: true } : {}),
  };
}

const EntryArray = z.array(CommitteeEntrySchema);
const ListArray = z.array(CommitteeListSchema);

/**
 * The entries of a committees document: an array of entries, `{ committees: [...] }`, or `{ lists: [{ years,
 * source, committees }] }`. Each entry may carry `year` or `years`; entries without one are names known for
 * no particular year (accepted in every year, but no year's own list).
 */
function parseDocument(raw: unknown, source: string, user: boolean): CommitteeEntry[] {
  const fail = (issue: z.core.$ZodIssue, prefix: string): never => {
    const where = issue.path.length ? `${prefix}${issue.path.join('.')}: ` : 'expected a list of committees: ';
    throw new InputError('bad-config', { path: source, detail: `${where}${issue.message}` });
  };
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && 'lists' in raw) {
    const parsed = ListArray.safeParse((raw as { lists: unknown }).lists);
    if (!parsed.success) return fail(parsed.error.issues[0]!, 'lists.');
    return parsed.data.flatMap((l, n) => {
      const list = listOf(l, user, source, n);
      return l.committees.map((e) => completeEntry(e, user, e.year || e.years ? entryList(e, user) : list));
    });
  }
  const isWrapped = raw && typeof raw === 'object' && !Array.isArray(raw) && 'committees' in raw;
  const parsed = EntryArray.safeParse(isWrapped ? (raw as { committees: unknown }).committees : raw);
  if (!parsed.success) return fail(parsed.error.issues[0]!, isWrapped ? 'committees.' : '');
  return parsed.data.map((e) => completeEntry(e, user));
}

/**
 * Committees from parsed JSON (an array of entries, an object with `committees`, or one with `lists`): for
 * the configuration. Throws InputError('bad-config') naming the first problem.
 */
export function parseCommitteeEntries(raw: unknown, source: string): CommitteeEntry[] {
  return parseDocument(raw, source, true);
}

let cityLists: z.output<typeof ListArray> | null = null;
const shipped = new WeakMap<DistrictProfile, CommitteeEntry[]>();

/**
 * The committees cert-check knows before any configuration, each with the list (and years) it comes from:
 * the city's lists of data/committees.json and the district's (its profile: data/district.json unless another
 * is given) — the district's committee lists come before the list of offices, and its 职称改革办公室 joins that
 * list, first.
 */
export function shippedCommittees(district: DistrictProfile = defaultDistrict()): CommitteeEntry[] {
  const hit = shipped.get(district);
  if (hit) return hit;
  cityLists ??= ListArray.parse((JSON.parse(readFileSync(dataPath('committees.json'), 'utf8')) as { lists: unknown[] }).lists);
  const parsedOwn = ListArray.safeParse(district.committees);
  if (!parsedOwn.success) {
    const issue = parsedOwn.error.issues[0]!;
    throw new InputError('bad-district', { path: district.source, detail: `committees.${issue.path.join('.')}: ${issue.message}` });
  }
  const own = parsedOwn.data.flatMap((l, n) => {
    const list = listOf(l, false, district.source, n);
    return l.committees.map((e) => completeEntry(e, false, list));
  });
  const entries: CommitteeEntry[] = [];
  cityLists.forEach((l, n) => {
    const list = listOf(l, false, 'data/committees.json', n);
    const city = l.committees.map((e) => completeEntry(e, false, list));
    if (!city.length || !city.every((e) => e.kind === 'office')) {
      entries.push(...city);
      return;
    }
    const o = district.office;
    const office = completeEntry({
      name: o.name, kind: 'office', levels: ['中级', '初级（含员级）'], series: null, range: district.name, organiser: null,
      ...(o.note ? { note: o.note } : {}), source: o.source ?? district.source,
    }, false, list);
    entries.push(...own, office, ...city);
  });
  shipped.set(district, entries);
  return entries;
}

// ---------------------------------------------------------------------------------------------------------
// The matcher

interface Prepared {
  entry: CommitteeEntry;
  /** formKey of the name. */
  form: string;
  /** Expanded key (`expandKey(formKey(name))`). */
  key: string;
  /** The key with 正高级/副高级 folded to 高级, for ranking. */
  rankKey: string;
  period: string;
  level: LevelWord | null;
  series: number;
  /** The series word as the name writes it (工程技术, 中职教师 …), or ''. */
  seriesWord: string;
  places: string[];
  identity: { specialty: string; units: string[] };
}

interface Candidate {
  index: number;
  /** Similarity of the ranking keys (level qualifier folded). */
  rank: number;
  /** Similarity of the expanded keys, as shown. */
  score: number;
}

interface Passing extends Candidate {
  /** Characters the text adds to the name (typos). */
  extras: number;
}

interface Ranked {
  top: Candidate[];
  /** Names the text is a shortened form of, best first. */
  passing: Passing[];
}

function covers(list: CommitteeList, year: number): boolean {
  return list.years !== null && list.years[0] <= year && year <= list.years[1];
}

/** The place of an entry's name (江津, 合川 …), or null. */
function entryPlace(p: Prepared): string | null {
  return p.places[0] ?? null;
}

/**
 * The matcher over data/committees.json plus `extra` (the configuration's committees of other years or
 * districts; an extra entry with the name of a shipped one replaces it, and keeps the shipped lists too).
 */
export function loadCommitteeMatcher(extra: readonly CommitteeEntry[] = [], base: readonly CommitteeEntry[] = shippedCommittees()): CommitteeMatcher {
  const byName = new Map<string, CommitteeEntry>();
  for (const e of [...base, ...extra]) {
    const before = byName.get(e.name);
    byName.set(e.name, before ? { ...e, lists: [...new Set([...before.lists, ...e.lists])] } : e);
  }
  const entries = [...byName.values()];
  const lists = [...new Set(entries.flatMap((e) => e.lists))];
  const prepared: Prepared[] = entries.map((entry) => {
    const form = formKey(entry.name);
    const key = expandKey(form);
    return {
      entry, form, key, rankKey: scoringKey(key), period: periodKey(key), level: levelWord(key), series: seriesIndex(key),
      seriesWord: seriesWordOf(key), places: placesOf(key), identity: identity(key),
    };
  });

  const formMap = new Map<string, number>();
  const expandedMap = new Map<string, number>();
  const misprintMap = new Map<string, number>();
  prepared.forEach((p, i) => {
    if (!formMap.has(p.form)) formMap.set(p.form, i);
    if (!expandedMap.has(p.key)) expandedMap.set(p.key, i);
  });
  prepared.forEach((p, i) => {
    for (const m of p.entry.misprints ?? []) {
      const fk = formKey(m);
      if (!formMap.has(fk) && !misprintMap.has(fk)) misprintMap.set(fk, i);
    }
  });
  const offices = prepared.filter((p) => p.entry.kind === 'office');

  const dated = lists.filter((l) => l.years !== null);
  const yearCache = new Map<string, YearLists>();
  function yearLists(year: number | null | undefined): YearLists {
    const y = year ?? null;
    const k = String(y);
    const hit = yearCache.get(k);
    if (hit) return hit;
    let value: YearLists;
    if (y === null) value = { year: null, own: [], reference: dated };
    else {
      const own = dated.filter((l) => covers(l, y));
      if (own.length) value = { year: y, own, reference: own };
      else {
        const gap = (l: CommitteeList) => (y < l.years![0] ? l.years![0] - y : y - l.years![1]);
        const min = Math.min(...dated.map(gap));
        value = { year: y, own: [], reference: dated.filter((l) => gap(l) === min) };
      }
    }
    yearCache.set(k, value);
    return value;
  }
  const onOwnList = (p: Prepared, yl: YearLists) => p.entry.lists.some((l) => yl.own.includes(l));

  const cache = new Map<string, Ranked>();
  /** Answers by text as typed and hint: a batch repeats a handful of spellings. */
  const answers = new Map<string, CommitteeMatch>();

  /** Every name by ranking similarity, ties by similarity as shown, then list order. */
  function rankAll(key: string, n: number): { all: { index: number; rank: number }[]; top: Candidate[] } {
    const rk = scoringKey(key);
    const all = prepared.map((p, index) => ({ index, rank: similarity(rk, p.rankKey) }));
    all.sort((x, y) => y.rank - x.rank || x.index - y.index);
    // Shown best first by the similarity shown (the ranking folds 正高级/副高级, the display does not).
    const head = all.slice(0, Math.max(n, TOP) + 6).map((c) => ({ ...c, score: similarity(key, prepared[c.index]!.key) }));
    head.sort((x, y) => y.score - x.score || y.rank - x.rank || x.index - y.index);
    return { all, top: head.slice(0, n) };
  }

  function rank(key: string): Ranked {
    const hit = cache.get(key);
    if (hit) return hit;
    const { all, top } = rankAll(key, TOP);
    const passing: Passing[] = [];
    let checked = 0;
    for (const c of all) {
      if (c.rank < MIN_SCORE || checked++ >= GATE_CHECKS) break;
      if (prepared[c.index]!.entry.kind === 'office') continue;
      const extras = nearMissExtras(key, prepared[c.index]!.key);
      if (extras !== null) passing.push({ ...c, score: similarity(key, prepared[c.index]!.key), extras });
    }
    const ranked: Ranked = { top, passing };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, ranked);
    return ranked;
  }

  const scored = (c: Candidate): ScoredName => ({ name: prepared[c.index]!.entry.name, score: c.score, entry: prepared[c.index]!.entry });
  const self = (entry: CommitteeEntry): ScoredName[] => [{ name: entry.name, score: 1, entry }];

  /** The entry awards the row's level and series (unknown ones fit). */
  function fits(p: Prepared, hint: MatchHint): boolean {
    const e = p.entry;
    if (hint.level && !e.levels.includes(hint.level)) return false;
    if (hint.series && e.series && !e.series.includes(hint.series)) return false;
    return true;
  }

  /** Those of `list` that fit the row; then, if that leaves several, those of the row's place (when any are). */
  function narrow(list: number[], hint: MatchHint): number[] {
    const fit = list.filter((i) => fits(prepared[i]!, hint));
    if (fit.length > 1 && hint.place) {
      const here = fit.filter((i) => entryPlace(prepared[i]!) === hint.place);
      if (here.length) return here;
    }
    return fit;
  }

  /** Up to three listed committees closest to the key that fit the row (for a warning's "if the document says…"). */
  function closestFitting(key: string, hint: MatchHint, textLevel: LevelWord | null): number[] {
    const { all } = rankAll(key, TOP);
    const out: number[] = [];
    for (const c of all) {
      const p = prepared[c.index]!;
      if (p.entry.kind !== 'committee' || !fits(p, hint) || !levelsAgree(textLevel, p.level)) continue;
      // A name offered as "if the document says…" reviews the row's series (one of unknown series does not qualify).
      if (hint.series && !p.entry.series?.includes(hint.series)) continue;
      out.push(c.index);
      if (out.length === 3) break;
    }
    return out;
  }

  function shapeOf(form: string, key: string): IncompleteShape | null {
    if (key !== form) return 'abbreviation';
    // …评定委员会: the committees of the 技术职称评定 before the 1986 reform, complete names of their time.
    if (!/评审委员会|评定委员会/.test(key)) return /评审|委员会/.test(key) ? 'partial' : 'notCommittee';
    if (seriesIndex(key) < 0) return 'noSeries';
    return null;
  }

  function answer(text: string, hint: MatchHint): CommitteeMatch {
    const yl = yearLists(hint.year);
    const base = { candidates: [] as CommitteeEntry[], lists: yl };
    const t = text.trim();
    if (!t) return { verdict: 'unlisted', certain: false, closest: [], ...base };
    const verbatim = byName.get(t);
    if (verbatim) {
      return verbatim.kind === 'office'
        ? { verdict: 'office', office: 'exact', entry: verbatim, certain: true, closest: self(verbatim), ...base }
        : { verdict: 'exact', entry: verbatim, certain: true, closest: self(verbatim), ...base };
    }
    const fk = formKey(t);
    const formHit = formMap.get(fk);
    if (formHit !== undefined) {
      const entry = prepared[formHit]!.entry;
      return entry.kind === 'office'
        ? { verdict: 'office', office: 'form', entry, suggestion: entry.name, certain: true, closest: self(entry), ...base }
        : { verdict: 'form', entry, suggestion: entry.name, certain: true, closest: self(entry), ...base };
    }
    const misprint = misprintMap.get(fk);
    if (misprint !== undefined) {
      const entry = prepared[misprint]!.entry;
      return { verdict: 'misprint', entry, suggestion: entry.name, certain: true, closest: self(entry), ...base };
    }
    const key = expandKey(fk);
    if (/职称改革办公室/.test(key)) return officeAnswer(key, base);

    const ranked = rank(key);
    const closest = ranked.top.slice(0, 3).map(scored);
    const textLevel = levelWord(key);
    const shape = shapeOf(fk, key);
    if (shape) {
      // A committee word cut short (…评审委会) with the rest complete is a typo when one name of the year is that near.
      if (shape === 'partial') {
        const typo = typoAnswer(fk, key, textLevel, hint, yl, closest);
        if (typo?.entry) return typo;
      }
      const expanded = expandedMap.get(key);
      let pool: number[];
      /** Every listed name the text may stand for and the row fits: a fix needs exactly one. */
      let fitting = 1;
      if (expanded !== undefined && prepared[expanded]!.entry.kind === 'committee') pool = [expanded];
      else {
        const { passing } = ranked;
        const fit = narrow(passing.map((p) => p.index), hint);
        fitting = fit.length;
        // The suggestion: the closest of them (one substitution decides), needing the fewest added characters.
        const best = Math.max(...passing.filter((p) => fit.includes(p.index)).map((p) => p.rank));
        let contenders = passing.filter((p) => fit.includes(p.index) && p.rank >= best - MARGIN);
        const fewest = Math.min(...contenders.map((c) => c.extras));
        contenders = contenders.filter((c) => c.extras === fewest);
        pool = contenders.map((c) => c.index);
      }
      const candidates = pool.map((i) => prepared[i]!.entry);
      if (candidates.length === 1) {
        const entry = candidates[0]!;
        return {
          verdict: 'incomplete', shape, entry, suggestion: entry.name, certain: fitting === 1 && onOwnList(prepared[pool[0]!]!, yl), candidates,
          closest: [{ name: entry.name, score: similarity(key, prepared[pool[0]!]!.key), entry }, ...closest.filter((c) => c.entry !== entry)].slice(0, 3),
          lists: yl,
        };
      }
      return { verdict: 'incomplete', shape, certain: false, closest, candidates: candidates.slice(0, 5), lists: yl };
    }

    // A complete name: another period's spelling of a listed name?
    const period = periodKey(key);
    const periodHits = prepared.flatMap((p, i) => (p.entry.kind === 'committee' && p.period === period && levelsAgree(textLevel, p.level) ? [i] : []));
    const periodFit = narrow(periodHits, hint);
    if (periodFit.length) {
      return { verdict: 'period', certain: false, closest, candidates: periodFit.slice(0, 3).map((i) => prepared[i]!.entry), lists: yl };
    }

    // A typo of a name on the list of the row's own year?
    const typo = typoAnswer(fk, key, textLevel, hint, yl, closest);
    if (typo) return typo;

    return { verdict: 'unlisted', certain: false, closest, candidates: closestFitting(key, hint, textLevel).map((i) => prepared[i]!.entry), lists: yl };
  }

  /**
   * One or two characters off a name on the list of the row's own year (same level, series word, place and
   * unit, specialty recognisable), the nearest only; null when there is no such name or the year has no list.
   */
  function typoAnswer(fk: string, key: string, textLevel: LevelWord | null, hint: MatchHint, yl: YearLists, closest: ScoredName[]): CommitteeMatch | null {
    if (!yl.own.length) return null;
    const places = placesOf(key);
    // Without a level word (cut by the typo) the specialty cannot be delimited: the text without its frame.
    const textSpecialty = textLevel ? identity(fk).specialty : fk.replace(/^重庆市?/, '').replace(seriesWordOf(fk), '');
    let typos: number[] = [];
    const distances = new Map<number, number>();
    prepared.forEach((p, i) => {
      if (p.entry.kind !== 'committee' || !onOwnList(p, yl)) return;
      if (Math.abs(p.form.length - fk.length) > MAX_TYPO) return;
      const d = distance(fk, p.form);
      if (d > MAX_TYPO) return;
      // The series word must be recognisable in the text (工艺美术 with 美 dropped is still 工艺美术).
      if (p.seriesWord && 2 * lcsLength(p.seriesWord, fk) < p.seriesWord.length) return;
      // A level word cut by the typo (副级) states no level: the row's level decides (narrow).
      if (!levelsAgree(textLevel, p.level) || (textLevel !== null && p.level === null)) return;
      if (places.length !== p.places.length || places.some((x) => !p.places.includes(x))) return;
      if (p.identity.units.some((u) => !fk.includes(u))) return;
      // The specialty must be recognisable in the text's own specialty (化工 is no typo of a text without one).
      const spec = p.identity.specialty;
      if (spec && 2 * lcsLength(spec, textSpecialty) < spec.length) return;
      typos.push(i);
      distances.set(i, d);
    });
    // The closest only: 工艺术 is one edit from 工艺美术, two from 艺术.
    const nearest = Math.min(...typos.map((i) => distances.get(i)!));
    typos = typos.filter((i) => distances.get(i) === nearest);
    const fit = narrow(typos, hint);
    if (fit.length === 1) {
      const entry = prepared[fit[0]!]!.entry;
      return {
        verdict: 'typo', entry, suggestion: entry.name, certain: true, candidates: [entry],
        closest: [{ name: entry.name, score: similarity(key, prepared[fit[0]!]!.key), entry }, ...closest.filter((c) => c.entry !== entry)].slice(0, 3),
        lists: yl,
      };
    }
    if (fit.length > 1) return { verdict: 'typo', certain: false, closest, candidates: fit.slice(0, 5).map((i) => prepared[i]!.entry), lists: yl };
    return null;
  }

  /** A 职称改革办公室: which listed office it is, if any, and how it is written. */
  function officeAnswer(key: string, base: { candidates: CommitteeEntry[]; lists: YearLists }): CommitteeMatch {
    const closest = offices.map((p) => ({ name: p.entry.name, score: similarity(key, p.key), entry: p.entry })).sort((a, b) => b.score - a.score);
    const expanded = offices.find((p) => p.key === key);
    if (expanded) return { verdict: 'office', office: 'abbreviation', entry: expanded.entry, suggestion: expanded.entry.name, certain: true, closest: self(expanded.entry), ...base };
    // 某区职称改革办公室, 市职改办 (no 重庆(市)) are the same offices in a shorter form; a 县 is the district's name before it became one.
    const bare = key.replace(/^(?:重庆)?市?/, '');
    const short = offices.find((p) => p.key.replace(/^(?:重庆)?市?/, '') === bare);
    if (short) return { verdict: 'office', office: 'abbreviation', entry: short.entry, suggestion: short.entry.name, certain: true, closest: self(short.entry), ...base };
    const older = offices.find((p) => periodKey(p.key) === periodKey(key));
    if (older) return { verdict: 'office', office: 'period', entry: older.entry, suggestion: older.entry.name, certain: false, closest: self(older.entry), ...base };
    return { verdict: 'office', office: 'other', certain: false, closest: closest.slice(0, 3), ...base };
  }

  return {
    entries,
    lists,
    byName: (name) => byName.get(name),
    yearLists,
    closest(query, n = 10) {
      return rankAll(expandKey(formKey(query)), n).top.map(scored);
    },
    match(text, hint = {}) {
      const memoKey = `${text}\u0001${hint.level ?? ''}\u0001${hint.series ?? ''}\u0001${hint.year ?? ''}\u0001${hint.place ?? ''}`;
      const hit = answers.get(memoKey);
      if (hit) return hit;
      const value = answer(text, hint);
      if (answers.size >= CACHE_LIMIT) answers.clear();
      answers.set(memoKey, value);
      return value;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Benchmark

export interface CommitteeBenchResult {
  rows: number;
  /** Different texts among the rows. */
  distinct: number;
  ms: number;
  /** Rows per verdict. */
  kinds: Record<Verdict, number>;
}

/**
 * Matches `rows` committee texts the way a large batch holds them: mostly official names, some with
 * spaces or half-width brackets, abbreviations, dropped words, typos and unknown names, cycling through
 * `distinct` variants (cached by normalised text), in the years of real sheets. For the project's benchmark.
 */
export function benchCommitteeMatching(rows = 100_000, distinct = 2_000, matcher = loadCommitteeMatcher()): CommitteeBenchResult {
  const names = matcher.entries.map((e) => e.name);
  const variants: string[] = [];
  const edits: ((s: string, i: number) => string)[] = [
    (s) => s,
    (s) => s,
    (s) => s.replace('（', '(').replace('）', ')').replace('职称', ' 职称 '),
    (s) => s.replace('评审委员会', '评委会'),
    (s) => s.replace('职称', ''),
    (s) => s.replace(/^重庆市/, ''),
    (s, i) => s.slice(0, 5 + (i % 7)) + '口' + s.slice(6 + (i % 7)),
    (s, i) => `重庆市某某区第${i}评审委员会`,
  ];
  for (let i = 0; variants.length < distinct; i++) variants.push(edits[i % edits.length]!(names[i % names.length]!, i));
  const kinds: Record<Verdict, number> = { exact: 0, form: 0, misprint: 0, office: 0, incomplete: 0, period: 0, typo: 0, unlisted: 0 };
  const levels: PlatformLevel[] = ['高级（副高）', '中级'];
  const years = [2021, 2019, 2008, 1995];
  const start = performance.now();
  for (let r = 0; r < rows; r++) kinds[matcher.match(variants[r % variants.length]!, { level: levels[r & 1]!, year: years[r % 4]! }).verdict]++;
  return { rows, distinct: Math.min(distinct, rows), ms: performance.now() - start, kinds };
}
