/** `cert-check committees [query]`: the official 评审机构 names, or the closest ones to a query. */
import type { Lang } from '../engine/types.js';
import { loadCommitteeMatcher, type CommitteeEntry, type CommitteeMatcher } from '../match/committee.js';
import { levelsText } from '../match/row.js';

export interface CommitteesOptions {
  lang: Lang;
  /** The matcher to list (default: data/committees.json); the configuration's additions come through here. */
  matcher?: CommitteeMatcher;
  /** How many closest names a query shows. */
  count?: number;
}

const TEXT = {
  zh: {
    title: (n: number) => `评审机构名称（共 ${n} 个；高级评审委员会为指南附件2的2021年名单）`,
    offices: '初定、确认：职称改革办公室',
    committees: (levels: string) => `${levels}评审委员会`,
    user: '配置文件添加',
    item: (n: number) => `附件2第${n}项`,
    closest: (q: string, n: number) => `与“${q}”最接近的 ${n} 个名称：`,
    verbatim: (q: string) => `“${q}”是正式名称。`,
    form: (name: string) => `写法与正式名称不一致，应写作：${name}`,
    misprint: (name: string) => `照抄了指南附件2的印刷错误，正式名称是：${name}`,
    near: (name: string) => `请完整填写：${name}`,
    ambiguous: (list: string) => `名称不完整，可能是：${list}`,
    unknown: '不在指南所列评审机构中，无法核对。',
    sep: '；',
  },
  en: {
    title: (n: number) => `Committee names (${n}; the senior committees are the 2021 list of the guide's annex 2)`,
    offices: '初定/确认: title-reform offices',
    committees: (levels: string) => `Committees awarding ${levels} titles`,
    user: 'from the configuration',
    item: (n: number) => `annex 2 item ${n}`,
    closest: (q: string, n: number) => `The ${n} names closest to "${q}":`,
    verbatim: (q: string) => `"${q}" is an official name.`,
    form: (name: string) => `differs from the official spelling; write ${name}`,
    misprint: (name: string) => `copies a misprint of the guide's annex 2; the official name is ${name}`,
    near: (name: string) => `write the full name: ${name}`,
    ambiguous: (list: string) => `incomplete; it may be: ${list}`,
    unknown: 'not among the committees the guide lists; cannot be verified.',
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
  const groups = new Map<string, CommitteeEntry[]>();
  const order = (e: CommitteeEntry) => (e.kind === 'office' ? t.offices : t.committees(levelsText(e.levels, lang)));
  const rank = (e: CommitteeEntry) => (e.kind === 'office' ? 9 : e.levels.length === 1 ? (e.levels[0] === '高级（正高）' ? 0 : e.levels[0] === '高级（副高）' ? 1 : 4) : e.levels.includes('高级（正高）') ? 2 : 3);
  for (const e of [...matcher.entries].sort((a, b) => rank(a) - rank(b))) {
    const key = order(e);
    const list = groups.get(key) ?? [];
    list.push(e);
    groups.set(key, list);
  }
  const lines = [t.title(matcher.entries.length)];
  let n = 0;
  for (const [heading, list] of groups) {
    lines.push('', `${heading}（${list.length}）`);
    for (const e of list) lines.push(`${String(++n).padStart(4)}. ${describe(e, lang)}`);
  }
  return lines.join('\n');
}

/** The text to print: every name grouped by kind and level, or the verdict and closest names for a query. */
export function committeesCommand(query: string | undefined, opts: CommitteesOptions): string {
  const matcher = opts.matcher ?? loadCommitteeMatcher();
  const lang = opts.lang;
  const t = TEXT[lang];
  const q = query?.trim();
  if (!q) return listAll(matcher, lang);
  const m = matcher.match(q);
  let verdict: string;
  switch (m.kind) {
    case 'exact':
      verdict = m.reason === 'verbatim' ? t.verbatim(q) : t.form(m.entry!.name);
      break;
    case 'near':
      verdict = m.reason === 'misprint' ? t.misprint(m.entry!.name) : t.near(m.entry!.name);
      break;
    case 'ambiguous':
      verdict = t.ambiguous(m.candidates.map((e) => e.name).join(t.sep));
      break;
    default:
      verdict = t.unknown;
  }
  const closest = matcher.closest(q, opts.count ?? 10);
  const lines = [verdict, '', t.closest(q, closest.length)];
  closest.forEach((c, i) => lines.push(`${String(i + 1).padStart(4)}. ${c.score.toFixed(2)}  ${c.name}`));
  return lines.join('\n');
}
