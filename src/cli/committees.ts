/**
 * `cert-check committees [query] [--year Y]`: the 评审机构 lists (each with its years and source), or the
 * verdict on a name judged as a row of year Y would be, saying which list it used, and the closest names.
 */
import type { Lang } from '../engine/types.js';
import { canonicalLevel, type PlatformLevel } from '../data/levels.js';
import { loadCommitteeMatcher, type CommitteeEntry, type CommitteeList, type CommitteeMatcher, type YearLists } from '../match/committee.js';
import { levelsText, yearsText } from '../i18n/words.js';

export interface CommitteesOptions {
  lang: Lang;
  /** The matcher to list (default: data/committees.json); the configuration's additions come through here. */
  matcher?: CommitteeMatcher;
  /** Judge the query as a row of this year (取得时间). */
  year?: number;
  /** Judge the query as a row of this level (职称级别), to choose among candidates. */
  level?: string;
  /** How many closest names a query shows. */
  count?: number;
}

const TEXT = {
  zh: {
    title: (n: number) => `评审机构名称（共 ${n} 个）。每行按其年份（取得时间，否则发证时间，否则批准文号的年份）对照当年的名单；没有当年名单的年份，以最近的名单作参考。`,
    list: (l: CommitteeList, n: number) => `名单：${l.title}（${yearsText(l.years, 'zh')}，${l.source}，${n} 个）`,
    offices: '初定、确认：职称改革办公室',
    committees: (levels: string) => `${levels}评审委员会`,
    user: '配置文件添加',
    item: (n: number) => `附件2第${n}项`,
    closest: (q: string, n: number) => `与“${q}”最接近的 ${n} 个名称：`,
    own: (y: number, titles: string) => `按 ${y} 年判断，使用 ${y} 年的名单：${titles}。`,
    nearest: (y: number, titles: string) => `按 ${y} 年判断：${y} 年没有自己的名单，以最近的名单作参考：${titles}（名单外的名称只提示核对，不判错、不自动修改）。`,
    noYear: '未指定年份（--year）：没有按年份的名单可对照，名单外的名称只提示核对。',
    exact: (q: string) => `“${q}”是名单中的名称。`,
    form: (name: string) => `写法与名单中的名称不一致，应写作：${name}`,
    misprint: (name: string) => `照抄了指南附件2的印刷错误，正式名称是：${name}`,
    office: (name: string) => `这是职称改革办公室（初定、确认填写）：${name}`,
    otherOffice: '这是一个职称改革办公室，不在名单中。',
    incomplete: (name: string, fix: boolean) => `名称不完整，请完整填写：${name}${fix ? '（当年名单中唯一对应，--fix 会改正）' : '（只作建议：没有当年的名单）'}`,
    incompleteSome: (list: string) => `名称不完整，可能是：${list}`,
    incompleteNone: '名称不完整，名单中没有与之对应的评审委员会，请按批准文件完整填写。',
    typo: (name: string) => `与当年名单中的名称只差一两个字，应写作：${name}`,
    typoSome: (list: string) => `与当年名单中的名称只差一两个字，可能是：${list}`,
    period: (name: string) => `与名单中的“${name}”只是不同时期的写法，请与批准文件核对（不判错、不自动修改）。`,
    unlisted: (list: string) => `不在所用名单中，无法核对，请与批准文件核对。最接近的：${list}`,
    sep: '；',
  },
  en: {
    title: (n: number) => `Committee names (${n}). Each row is judged against the list of its year (date obtained, else issue date, else the approval number's year); a year without a list of its own uses the nearest list as a reference.`,
    list: (l: CommitteeList, n: number) => `List: ${l.title} (${yearsText(l.years, 'en')}, ${l.source}, ${n})`,
    offices: '初定/确认: title-reform offices',
    committees: (levels: string) => `Committees awarding ${levels} titles`,
    user: 'from the configuration',
    item: (n: number) => `annex 2 item ${n}`,
    closest: (q: string, n: number) => `The ${n} names closest to "${q}":`,
    own: (y: number, titles: string) => `Judged as ${y}, against the list of ${y}: ${titles}.`,
    nearest: (y: number, titles: string) => `Judged as ${y}: ${y} has no list of its own; the nearest is only a reference: ${titles} (a name not on it gets a warning, never an error or a fix).`,
    noYear: 'No year given (--year): there is no list of the year to judge against; a name not on a list only gets a warning.',
    exact: (q: string) => `"${q}" is a listed name.`,
    form: (name: string) => `differs from the listed spelling; write ${name}`,
    misprint: (name: string) => `copies a misprint of the guide's annex 2; the official name is ${name}`,
    office: (name: string) => `a title-reform office (for 初定/确认): ${name}`,
    otherOffice: 'a title-reform office not on the lists.',
    incomplete: (name: string, fix: boolean) => `incomplete; write the full name: ${name}${fix ? ' (the one match on the list of the year: --fix corrects it)' : ' (a suggestion only: the year has no list)'}`,
    incompleteSome: (list: string) => `incomplete; it may be: ${list}`,
    incompleteNone: 'incomplete, and no listed committee matches it: write the full name from the approval document.',
    typo: (name: string) => `one or two characters off a name on the list of the year; write ${name}`,
    typoSome: (list: string) => `one or two characters off names on the list of the year: ${list}`,
    period: (name: string) => `differs from "${name}" only by the spelling of another period: check the approval document (no error, no fix).`,
    unlisted: (list: string) => `not on the list used; cannot be verified: check the approval document. Closest: ${list}`,
    sep: '; ',
  },
} as const;

function describe(e: CommitteeEntry, lang: Lang): string {
  const t = TEXT[lang];
  const parts = [e.range, e.organiser, e.user ? t.user : e.item ? t.item(e.item) : e.source].filter((p): p is string => !!p);
  return parts.length ? `${e.name} — ${parts.join(' · ')}` : e.name;
}

function listAll(matcher: CommitteeMatcher, lang: Lang): string {
  const t = TEXT[lang];
  const lines = [t.title(matcher.entries.length)];
  for (const l of matcher.lists) lines.push(t.list(l, matcher.entries.filter((e) => e.lists.includes(l)).length));
  const groups = new Map<string, CommitteeEntry[]>();
  const order = (e: CommitteeEntry) => (e.kind === 'office' ? t.offices : t.committees(levelsText(e.levels, lang)));
  const rank = (e: CommitteeEntry) => (e.kind === 'office' ? 9 : e.levels.length === 1 ? (e.levels[0] === '高级（正高）' ? 0 : e.levels[0] === '高级（副高）' ? 1 : 4) : e.levels.includes('高级（正高）') ? 2 : 3);
  for (const e of [...matcher.entries].sort((a, b) => rank(a) - rank(b))) {
    const key = order(e);
    const list = groups.get(key) ?? [];
    list.push(e);
    groups.set(key, list);
  }
  let n = 0;
  for (const [heading, list] of groups) {
    lines.push('', `${heading}（${list.length}）`);
    for (const e of list) lines.push(`${String(++n).padStart(4)}. ${describe(e, lang)}`);
  }
  return lines.join('\n');
}

/** Which lists a year is judged against, in words. */
export function yearLine(lists: YearLists, lang: Lang): string {
  const t = TEXT[lang];
  const titles = (ls: readonly CommitteeList[]) => ls.map((l) => `${l.title}（${yearsText(l.years, lang)}）`).join(t.sep);
  if (lists.year === null) return t.noYear;
  return lists.own.length ? t.own(lists.year, titles(lists.own)) : t.nearest(lists.year, titles(lists.reference));
}

/** The text to print: every list and name, or the verdict on a query (for a year) and the closest names. */
export function committeesCommand(query: string | undefined, opts: CommitteesOptions): string {
  const matcher = opts.matcher ?? loadCommitteeMatcher();
  const lang = opts.lang;
  const t = TEXT[lang];
  const q = query?.trim();
  if (!q) {
    const all = listAll(matcher, lang);
    return opts.year === undefined ? all : `${yearLine(matcher.yearLists(opts.year), lang)}\n\n${all}`;
  }
  const level: PlatformLevel | null = opts.level ? canonicalLevel(opts.level) : null;
  const m = matcher.match(q, { year: opts.year ?? null, level });
  const names = (list: readonly CommitteeEntry[]) => list.map((e) => e.name).join(t.sep);
  let verdict: string;
  switch (m.verdict) {
    case 'exact':
      verdict = t.exact(q);
      break;
    case 'form':
      verdict = t.form(m.entry!.name);
      break;
    case 'misprint':
      verdict = t.misprint(m.entry!.name);
      break;
    case 'office':
      verdict = m.entry ? t.office(m.entry.name) : t.otherOffice;
      break;
    case 'incomplete':
      verdict = m.entry ? t.incomplete(m.entry.name, m.certain) : m.candidates.length ? t.incompleteSome(names(m.candidates)) : t.incompleteNone;
      break;
    case 'typo':
      verdict = m.entry ? t.typo(m.entry.name) : t.typoSome(names(m.candidates));
      break;
    case 'period':
      verdict = t.period(m.candidates[0]!.name);
      break;
    default:
      verdict = t.unlisted(names(m.candidates.length ? m.candidates : m.closest.map((c) => c.entry)));
  }
  const closest = matcher.closest(q, opts.count ?? 10);
  const lines = [yearLine(m.lists, lang), verdict, '', t.closest(q, closest.length)];
  closest.forEach((c, i) => lines.push(`${String(i + 1).padStart(4)}. ${c.score.toFixed(2)}  ${c.name}`));
  return lines.join('\n');
}
