/**
 * `cert-check committees [query] [--year Y]`: the 评审机构 lists (each with its years and source), or the
 * verdict on a name judged as a row of year Y would be, saying which list it used, and the closest names.
 */
import type { Lang } from '../engine/types.js';
import { canonicalLevel, type PlatformLevel } from '../data/levels.js';
import { loadCommitteeMatcher, type CommitteeEntry, type CommitteeList, type CommitteeMatcher, type YearLists } from '../match/committee.js';
import { levelsText, yearsText } from '../i18n/words.js';
import { COMMITTEES_TEXT } from '../i18n/cli.js';

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

function describe(e: CommitteeEntry, lang: Lang): string {
  const t = COMMITTEES_TEXT[lang];
  const parts = [e.range, e.organiser, e.user ? t.user : e.item ? t.item(e.item) : e.source].filter((p): p is string => !!p);
  return parts.length ? `${e.name} — ${parts.join(' · ')}` : e.name;
}

function listAll(matcher: CommitteeMatcher, lang: Lang): string {
  const t = COMMITTEES_TEXT[lang];
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
  const t = COMMITTEES_TEXT[lang];
  const titles = (ls: readonly CommitteeList[]) => ls.map((l) => `${l.title}（${yearsText(l.years, lang)}）`).join(t.sep);
  if (lists.year === null) return t.noYear;
  return lists.own.length ? t.own(lists.year, titles(lists.own)) : t.nearest(lists.year, titles(lists.reference));
}

/** The text to print: every list and name, or the verdict on a query (for a year) and the closest names. */
export function committeesCommand(query: string | undefined, opts: CommitteesOptions): string {
  const matcher = opts.matcher ?? loadCommitteeMatcher();
  const lang = opts.lang;
  const t = COMMITTEES_TEXT[lang];
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
