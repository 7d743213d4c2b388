/**
 * Committee-name matcher (issue 4): the official 评审机构 names (data/committees.json), the levels and series
 * each one awards, and a lookup that tells an exact name from a near miss (with the full name to type) and
 * from a name it cannot verify.
 *
 * Matching, in order (guide 三（十四）: the name must be written in full):
 * 1. the text as typed equals a name → exact;
 * 2. equal after folding width, spaces, brackets and punctuation (`formKey`) → exact, reason 'form'
 *    (the rule asks for the official spelling, as a warning);
 * 3. a known misprint of the guide's annex 2 → near, reason 'misprint';
 * 4. equal after expanding abbreviations (`expandKey`: 评委会 → 评审委员会, 副高 → 副高级, 职改办 → …) →
 *    near, reason 'abbreviation';
 * 5. otherwise every name is ranked by `similarity` = 2·LCS / (|a|+|b|) (1 − insert/delete distance over
 *    the total length, 0..1) of the expanded keys with 正高级/副高级 folded to 高级, so a text that drops
 *    the qualifier is as close to the 正高级 name as to the 副高级 one. A name is a near miss of the text
 *    when it ranks at least MIN_SCORE, the text adds at most two characters the name lacks and no two of
 *    them side by side (typos, not another word), names no other place (梁平区 is not a typo of 铜梁区)
 *    and no other level (副高级 is not a typo of 正高级). Near misses within MARGIN of the best are the
 *    contenders; those needing the fewest added characters stay. One → near; several → the row's level
 *    and series (`hint`) pick one if exactly one fits, else ambiguous; none → unknown. When no contender
 *    fits the row's level/series but a near miss within WIDE_MARGIN does, the result is ambiguous rather
 *    than a confident wrong name.
 *
 * Why LCS rather than Levenshtein: clerks drop words (重庆市, 职称, 专业) far more often than they change
 * them; both metrics charge a dropped word its length, but LCS also gives the alignment the gates read.
 * MIN_SCORE 0.6 admits 建设副高评委会 (0.73 against its committee once expanded) and keeps out texts that
 * share only the frame 重庆市…职称评审委员会 with a name (评审委员会 alone scores < 0.5). MARGIN 0.04 is
 * about one substitution (two insert/delete edits) on names of ~20 characters: the smallest difference
 * between two real names (内科/外科), which must tie. WIDE_MARGIN 0.12 is about three substitutions.
 * Answers are cached by text and hint, rankings by expanded key: a batch pays the ranking once per spelling.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { canonicalLevel, PLATFORM_LEVELS, type PlatformLevel } from '../data/levels.js';
import { InputError } from '../errors.js';
import { dataPath } from '../paths.js';

export type CommitteeKind = 'committee' | 'office';

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
}

export interface MatchHint {
  /** The row's 职称级别 (canonical). */
  level?: PlatformLevel | null;
  /** The row's 职称系列 (canonical, as the guide data names it). */
  series?: string | null;
}

export type MatchKind = 'exact' | 'near' | 'ambiguous' | 'unknown';
/** verbatim / form (exact); misprint / abbreviation / fuzzy (near). */
export type MatchReason = 'verbatim' | 'form' | 'misprint' | 'abbreviation' | 'fuzzy';

export interface ScoredName {
  name: string;
  /** 0..1, 1 = same name after normalisation. */
  score: number;
  entry: CommitteeEntry;
}

export interface CommitteeMatch {
  kind: MatchKind;
  reason?: MatchReason;
  /** The committee meant (exact, near). */
  entry?: CommitteeEntry;
  /** The full name to type, when the text differs from it (exact by form, near). */
  suggestion?: string;
  /** For ambiguous: the names it could be (best first). */
  candidates: CommitteeEntry[];
  /** The closest names, best first (up to 3; for an exact or near match the entry itself first). */
  closest: ScoredName[];
  /** The row's level/series chose among tied names. */
  tieBroken?: boolean;
}

export interface CommitteeMatcher {
  readonly entries: readonly CommitteeEntry[];
  /** The answer for a text (answers are cached and shared: do not modify them). */
  match(text: string, hint?: MatchHint): CommitteeMatch;
  /** The `n` names closest to a query, best first. */
  closest(query: string, n?: number): ScoredName[];
  /** The entry of an official name (exact spelling), if any. */
  byName(name: string): CommitteeEntry | undefined;
}

export const MIN_SCORE = 0.6;
export const MARGIN = 0.04;
/** When the best near miss does not award the row's level, compatible names this close make it ambiguous. */
export const WIDE_MARGIN = 0.12;
/** Near-miss gates are checked on this many best-ranked names at most. */
const GATE_CHECKS = 24;
/** Characters the text may add (typos) and still be a near miss. */
const MAX_EXTRA = 2;
const CACHE_LIMIT = 20_000;
const TOP = 10;

/** Districts and counties of Chongqing and its development zones: a different place is a different committee. */
export const PLACES = [
  '万州', '黔江', '涪陵', '渝中', '大渡口', '江北', '沙坪坝', '九龙坡', '南岸', '北碚', '綦江', '大足', '渝北', '巴南',
  '长寿', '江津', '合川', '永川', '南川', '璧山', '铜梁', '潼南', '荣昌', '开州', '梁平', '武隆', '城口', '丰都', '垫江',
  '忠县', '云阳', '奉节', '巫山', '巫溪', '石柱', '秀山', '酉阳', '彭水', '两江', '高新区', '万盛',
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

/** The level a name states: 正高级, 副高级, bare 高级, 中级, 初级, or none. */
function levelWord(key: string): '正' | '副' | '高' | '中' | '初' | null {
  if (/正高级|推广研究员/.test(key)) return '正';
  if (/副高级/.test(key)) return '副';
  if (/高级/.test(key)) return '高';
  if (/中级/.test(key)) return '中';
  if (/初级/.test(key)) return '初';
  return null;
}

/** 正高级 and 副高级 written 高级: the level qualifier costs nothing, so the row's level can decide. */
function scoringKey(key: string): string {
  return key.replace(/[正副]高级/g, '高级');
}

/**
 * How many characters the text adds to the name when it reads as that name mistyped or shortened, or
 * null when it does not (see the module comment): at most two added, never two side by side, no other
 * place, no other level (副高级 is not a typo of 正高级; a bare 高级 may be either).
 */
function nearMissExtras(query: string, name: string): number | null {
  const extra = unmatchedPositions(query, name);
  if (extra.length > MAX_EXTRA) return null;
  for (let i = 1; i < extra.length; i++) if (extra[i] === extra[i - 1]! + 1) return null;
  for (const place of PLACES) if (query.includes(place) && !name.includes(place)) return null;
  const lq = levelWord(query);
  const ln = levelWord(name);
  if (lq && ln && lq !== ln && lq !== '高' && ln !== '高') return null;
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
  [/中小学/, ['中小学教师']],
  [/中等职业学校教师|中职教师/, ['中等职业学校教师']],
  [/技工学校|技工院校/, ['技工院校教师']],
  [/自然科学研究/, ['自然科学研究']],
  [/社会科学研究/, ['哲学社会科学研究']],
  [/实验技术/, ['实验技术']],
  [/党校/, ['党校教师', '高等学校教师']],
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

/** The series a committee name says it reviews, or null when the name does not tell. */
export function seriesFromName(name: string): string[] | null {
  const key = formKey(name);
  for (const [re, series] of SERIES_WORDS) if (re.test(key)) return series && [...series];
  return null;
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
});

export type CommitteeEntryInput = z.input<typeof CommitteeEntrySchema>;

/** Fills what an entry leaves out from its name (kind, levels, series). */
export function completeEntry(input: z.output<typeof CommitteeEntrySchema>, user: boolean): CommitteeEntry {
  const kind = input.kind ?? (/职称改革办公室|职改办$/.test(formKey(input.name)) ? 'office' : 'committee');
  const entry: CommitteeEntry = {
    name: input.name,
    kind,
    levels: input.levels ?? levelsFromName(input.name),
    series: input.series === undefined ? (kind === 'office' ? null : seriesFromName(input.name)) : input.series,
    source: input.source ?? (user ? 'configuration' : ''),
  };
  if (input.misprints?.length) entry.misprints = input.misprints;
  if (input.range !== undefined) entry.range = input.range;
  if (input.organiser !== undefined) entry.organiser = input.organiser;
  if (input.item !== undefined) entry.item = input.item;
  if (input.note) entry.note = input.note;
  if (user) entry.user = true;
  return entry;
}

const ListSchema = z.array(CommitteeEntrySchema);

/** The entry list of a committees document: an array, or an object with `committees`. */
function entryList(raw: unknown): { list: unknown; prefix: string } {
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && 'committees' in raw) return { list: (raw as { committees: unknown }).committees, prefix: 'committees.' };
  return { list: raw, prefix: '' };
}

/**
 * Committees from parsed JSON (an array of entries, or an object with `committees`): for the configuration.
 * Throws InputError('bad-config') naming the first problem.
 */
export function parseCommitteeEntries(raw: unknown, source: string): CommitteeEntry[] {
  const { list, prefix } = entryList(raw);
  const parsed = ListSchema.safeParse(list);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `${prefix}${issue.path.join('.')}: ` : 'expected a list of committees: ';
    throw new InputError('bad-config', { path: source, detail: `${where}${issue.message}` });
  }
  return parsed.data.map((e) => completeEntry(e, true));
}

/** Reads a JSON file of extra committees (other years, other districts) for the configuration. */
export function readCommitteeFile(path: string): CommitteeEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('missing-path', { path });
    throw new InputError('bad-config', { path, detail: err instanceof Error ? err.message : String(err) });
  }
  return parseCommitteeEntries(raw, path);
}

let shipped: CommitteeEntry[] | null = null;

/** The entries of data/committees.json (read once). */
export function shippedCommittees(): CommitteeEntry[] {
  if (!shipped) {
    const raw: unknown = JSON.parse(readFileSync(dataPath('committees.json'), 'utf8'));
    shipped = ListSchema.parse(entryList(raw).list).map((e) => completeEntry(e, false));
  }
  return shipped;
}

// ---------------------------------------------------------------------------------------------------------
// The matcher

interface Prepared {
  entry: CommitteeEntry;
  /** Expanded key (`expandKey(formKey(name))`). */
  key: string;
  /** The key with 正高级/副高级 folded to 高级, for ranking. */
  rankKey: string;
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
  /** Names the text is a near miss of, best first. */
  passing: Passing[];
}

function compatible(entry: CommitteeEntry, hint: MatchHint): boolean {
  if (hint.level && !entry.levels.includes(hint.level)) return false;
  if (hint.series && entry.series && !entry.series.includes(hint.series)) return false;
  return true;
}

/**
 * The matcher over data/committees.json plus `extra` (the configuration's committees of other years or
 * districts; an extra entry with the name of a shipped one replaces it).
 */
export function loadCommitteeMatcher(extra: readonly CommitteeEntry[] = [], base: readonly CommitteeEntry[] = shippedCommittees()): CommitteeMatcher {
  const byName = new Map<string, CommitteeEntry>();
  for (const e of [...base, ...extra]) byName.set(e.name, e);
  const entries = [...byName.values()];
  const prepared: Prepared[] = entries.map((entry) => {
    const key = expandKey(formKey(entry.name));
    return { entry, key, rankKey: scoringKey(key) };
  });

  const formMap = new Map<string, CommitteeEntry>();
  const expandedMap = new Map<string, CommitteeEntry>();
  const misprintMap = new Map<string, CommitteeEntry>();
  for (const { entry, key } of prepared) {
    const fk = formKey(entry.name);
    if (!formMap.has(fk)) formMap.set(fk, entry);
    if (!expandedMap.has(key)) expandedMap.set(key, entry);
  }
  for (const { entry } of prepared) {
    for (const m of entry.misprints ?? []) {
      const fk = formKey(m);
      if (!formMap.has(fk) && !misprintMap.has(fk)) misprintMap.set(fk, entry);
    }
  }

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
  const entryOf = (c: Candidate) => prepared[c.index]!.entry;

  function fuzzy(key: string, hint: MatchHint): CommitteeMatch {
    const ranked = rank(key);
    const closest = ranked.top.slice(0, 3).map(scored);
    const { passing } = ranked;
    if (!passing.length) return { kind: 'unknown', candidates: [], closest };
    const best = passing[0]!.rank;
    let contenders = passing.filter((p) => p.rank >= best - MARGIN);
    const fewest = Math.min(...contenders.map((c) => c.extras));
    contenders = contenders.filter((c) => c.extras === fewest);
    let tieBroken = false;
    if (hint.level || hint.series) {
      const fit = contenders.filter((c) => compatible(entryOf(c), hint));
      if (fit.length === 0) {
        // The closest name does not award the row's title, but one a little further does: do not guess.
        const wider = passing.filter((p) => p.rank >= best - WIDE_MARGIN && compatible(entryOf(p), hint));
        if (wider.length) {
          const candidates = [...new Set([...contenders, ...wider].map(entryOf))].slice(0, 5);
          return { kind: 'ambiguous', candidates, closest };
        }
      } else if (contenders.length > 1) {
        tieBroken = fit.length === 1;
        contenders = fit;
      }
    }
    if (contenders.length > 1) return { kind: 'ambiguous', candidates: contenders.map(entryOf).slice(0, 5), closest };
    const pick = contenders[0]!;
    const entry = entryOf(pick);
    return {
      kind: 'near', reason: 'fuzzy', entry, suggestion: entry.name, candidates: [],
      closest: [scored(pick), ...closest.filter((c) => c.entry !== entry)].slice(0, 3),
      ...(tieBroken ? { tieBroken } : {}),
    };
  }

  return {
    entries,
    byName: (name) => byName.get(name),
    closest(query, n = 10) {
      return rankAll(expandKey(formKey(query)), n).top.map(scored);
    },
    match(text, hint = {}) {
      const memoKey = `${text}\u0001${hint.level ?? ''}\u0001${hint.series ?? ''}`;
      const hit = answers.get(memoKey);
      if (hit) return hit;
      const answer = answer1(text, hint);
      if (answers.size >= CACHE_LIMIT) answers.clear();
      answers.set(memoKey, answer);
      return answer;
    },
  };

  function answer1(text: string, hint: MatchHint): CommitteeMatch {
    const t = text.trim();
    if (!t) return { kind: 'unknown', candidates: [], closest: [] };
    const verbatim = byName.get(t);
    if (verbatim) return { kind: 'exact', reason: 'verbatim', entry: verbatim, candidates: [], closest: self(verbatim) };
    const fk = formKey(t);
    const form = formMap.get(fk);
    if (form) return { kind: 'exact', reason: 'form', entry: form, suggestion: form.name, candidates: [], closest: self(form) };
    const misprint = misprintMap.get(fk);
    if (misprint) return { kind: 'near', reason: 'misprint', entry: misprint, suggestion: misprint.name, candidates: [], closest: self(misprint) };
    const key = expandKey(fk);
    const abbreviated = expandedMap.get(key);
    if (abbreviated) {
      return { kind: 'near', reason: 'abbreviation', entry: abbreviated, suggestion: abbreviated.name, candidates: [], closest: self(abbreviated) };
    }
    return fuzzy(key, hint);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Benchmark

export interface CommitteeBenchResult {
  rows: number;
  /** Different texts among the rows. */
  distinct: number;
  ms: number;
  /** Rows per kind of result. */
  kinds: Record<MatchKind, number>;
}

/**
 * Matches `rows` committee texts the way a large batch holds them: mostly official names, some with
 * spaces or half-width brackets, abbreviations, dropped words, typos and unknown names, cycling through
 * `distinct` variants (cached by normalised text). For the project's benchmark.
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
  const kinds: Record<MatchKind, number> = { exact: 0, near: 0, ambiguous: 0, unknown: 0 };
  const levels: PlatformLevel[] = ['高级（副高）', '中级'];
  const start = performance.now();
  for (let r = 0; r < rows; r++) kinds[matcher.match(variants[r % variants.length]!, { level: levels[r & 1]! }).kind]++;
  return { rows, distinct: Math.min(distinct, rows), ms: performance.now() - start, kinds };
}
