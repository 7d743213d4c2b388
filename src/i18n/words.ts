/**
 * Words of the reference data said in each language: the levels a committee awards, the cells that contest
 * a level, the years of a committee list and the lists a row was judged against.
 */
import type { PlatformLevel } from '../data/levels.js';
import { PUNCT, type InLangs, type Lang } from './index.js';

const LEVEL_WORDS: Record<PlatformLevel, InLangs<string>> = {
  '高级（正高）': { zh: '正高级', en: 'full senior' },
  '高级（副高）': { zh: '副高级', en: 'associate senior' },
  中级: { zh: '中级', en: 'intermediate' },
  '初级（含员级）': { zh: '初级', en: 'junior' },
};
const BOTH_SENIOR: InLangs<string> = { zh: '高级（正高、副高）', en: 'senior (full and associate)' };
const CONTESTING: Record<'title' | 'committee', InLangs<string>> = { title: { zh: '职称名称', en: 'the title' }, committee: { zh: '评审机构', en: 'the committee' } };

/** The levels a committee awards, as words: 正高级 / 副高级 / 高级（正高、副高） / 中级、初级. */
export function levelsText(levels: readonly PlatformLevel[], lang: Lang): string {
  if (levels.length === 2 && levels.includes('高级（正高）') && levels.includes('高级（副高）')) {
    return BOTH_SENIOR[lang];
  }
  return levels.map((l) => LEVEL_WORDS[l][lang]).join(PUNCT[lang].list);
}

/** The cells that contest a level, as words for a message (职称名称、评审机构). */
export function contestText(by: readonly ('title' | 'committee')[], lang: Lang): string {
  return by.map((b) => CONTESTING[b][lang]).join(PUNCT[lang].and);
}

/** A list's years as words: 2021年, 2021—2022年 (2021, 2021–2022). */
export function yearsText(years: readonly [number, number] | null, lang: Lang): string {
  if (!years) return LISTS[lang].noYear;
  const [a, b] = years;
  if (lang === 'zh') return a === b ? `${a}年` : `${a}—${b}年`;
  return a === b ? String(a) : `${a}–${b}`;
}

const LISTS = {
  zh: {
    noYear: '未注明年份',
    own: (year: number) => `${year}年的名单`,
    nearest: (year: number, spans: string) => `已知名单（${year}年没有当年的名单，最近的${spans}名单只作参考）`,
    unknown: '已知名单（本行没有可判断年份的日期或文号）',
  },
  en: {
    noYear: 'no year given',
    own: (year: number) => `the list of ${year}`,
    nearest: (year: number, spans: string) => `the known lists (${year} has no list of its own; the nearest, of ${spans}, is only a reference)`,
    unknown: 'the known lists (the row has no date or approval number to tell its year)',
  },
} as const satisfies InLangs<unknown>;

/** The lists a row was judged against (YearLists of src/match/committee.ts), in words (short: the titles are in `cert-check committees --year`). */
export function listsText(
  lists: { year: number | null; own: readonly unknown[]; reference: readonly { years: readonly [number, number] | null }[] }, lang: Lang,
): string {
  const t = LISTS[lang];
  if (lists.own.length && lists.year !== null) return t.own(lists.year);
  if (lists.year !== null) return t.nearest(lists.year, [...new Set(lists.reference.map((l) => yearsText(l.years, lang)))].join(PUNCT[lang].list));
  return t.unknown;
}
