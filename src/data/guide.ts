/** Reference data of the guide, read once from data/: title table, series, specialties, approval issuers. */
import { join } from 'node:path';
import { distance } from 'fastest-levenshtein';
import { dataDir } from '../paths.js';
import { memoText } from '../util/memo.js';
import { defaultDistrict, type DistrictProfile } from './district.js';
import type { PlatformLevel } from './levels.js';
import { readTsv } from './tsv.js';

/** The national 层级 of a title (人社部 table); the platform folds 助理级 and 员级 into 初级（含员级）. */
export const NATIONAL_LEVELS = ['正高级', '副高级', '中级', '助理级', '员级'] as const;
export type NationalLevel = (typeof NATIONAL_LEVELS)[number];

const PLATFORM_OF: Record<NationalLevel, PlatformLevel> = {
  正高级: '高级（正高）', 副高级: '高级（副高）', 中级: '中级', 助理级: '初级（含员级）', 员级: '初级（含员级）',
};

/** How sure a title-table row is: V seen in a source, R recalled, L legacy name, I inferred. */
export type TitleStatus = 'V' | 'R' | 'L' | 'I';

export interface TitleEntry {
  series: string;
  level: NationalLevel;
  title: string;
  platformLevel: PlatformLevel;
  status: readonly TitleStatus[];
  source: string;
}

/** Who issued an approval document: the city office, the district's office, or its 片区's office. */
export type IssuerKind = 'city' | 'district' | 'area';

/** Additions from the user's config. */
export interface GuideExtra {
  /** More names of the 评审专业名称 dropdown. */
  specialties?: string[];
  /** More approval-number issuer prefixes by kind. */
  issuers?: Partial<Record<IssuerKind, string[]>>;
  /** More spellings of a series: canonical name → aliases. */
  seriesAliases?: Record<string, string[]>;
}

export interface GuideData {
  /** Every row of data/titles.tsv. */
  readonly titles: readonly TitleEntry[];
  /** Canonical series names, as in data/titles.tsv. */
  readonly seriesNames: readonly string[];
  /** The canonical series a text names (工程技术, 卫生 → 卫生技术, 中职教师 → 中等职业学校教师…), or null. */
  canonicalSeries(text: string): string | null;
  /** Up to `max` canonical series names closest to an unknown text, best first. */
  closestSeries(text: string, max?: number): string[];
  /** The one series a mistyped text surely means (a close, unambiguous match), or null. */
  suggestSeries(text: string): string | null;
  /** The table rows of a title name in any series (empty when unknown). Tolerates width, spaces and a bracketed suffix. */
  titleEntries(title: string): readonly TitleEntry[];
  /** The 评审专业名称 dropdown names known (seed + config). */
  readonly specialties: readonly string[];
  /** The dropdown name a text equals (ignoring width, spaces and a trailing 专业), or null. */
  knownSpecialty(text: string): string | null;
  /** Issuer prefixes by kind (seed + config). */
  readonly issuers: Readonly<Record<IssuerKind, readonly string[]>>;
  /** The kind of a known issuer (by prefix), or null when unknown. */
  issuerKind(issuer: string): IssuerKind | null;
}

/** Width, spaces and brackets folded: the key every lookup uses. */
export function textKey(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000]+/g, '').replace(/[()[\]【】〔〕]/g, '');
}

const SERIES_SUFFIXES = ['系列职称', '系列', '职称', '专业技术人员', '专业人员', '技术人才', '人员', '人才', '专业'];

function seriesKey(text: string): string {
  let key = textKey(text);
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of SERIES_SUFFIXES) {
      if (key.length > s.length && key.endsWith(s)) {
        key = key.slice(0, -s.length);
        changed = true;
      }
    }
  }
  return key;
}

function titleKey(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000]+/g, '');
}

function specialtyKey(text: string): string {
  const key = textKey(text);
  return key.length > 2 && key.endsWith('专业') ? key.slice(0, -2) : key;
}

function parseTitles(rows: Record<string, string>[]): TitleEntry[] {
  return rows.map((r, i) => {
    const level = r.level as NationalLevel;
    if (!NATIONAL_LEVELS.includes(level)) throw new Error(`titles.tsv row ${i + 2}: unknown level ${r.level}`);
    if (r.platform_level !== PLATFORM_OF[level]) throw new Error(`titles.tsv row ${i + 2}: ${r.title} ${level} is ${PLATFORM_OF[level]}, not ${r.platform_level}`);
    const status = (r.status ?? '').split(',').map((s) => s.trim()) as TitleStatus[];
    if (!status.every((s) => ['V', 'R', 'L', 'I'].includes(s))) throw new Error(`titles.tsv row ${i + 2}: bad status ${r.status}`);
    return { series: r.series!, level, title: r.title!, platformLevel: PLATFORM_OF[level], status, source: r.source ?? '' };
  });
}

/** Loads data/ once; `extra` holds the config's additions. Lookups are Map hits. */
export function loadGuideData(extra: GuideExtra = {}, dir = dataDir(), district: DistrictProfile = defaultDistrict()): GuideData {
  const titles = parseTitles(readTsv(join(dir, 'titles.tsv')));
  const seriesNames = [...new Set(titles.map((t) => t.series))];

  const seriesByKey = new Map<string, string>();
  const addSeries = (alias: string, canonical: string) => {
    const key = seriesKey(alias);
    if (key && !seriesByKey.has(key)) seriesByKey.set(key, canonical);
  };
  for (const name of seriesNames) addSeries(name, name);
  for (const r of readTsv(join(dir, 'series.tsv'))) {
    if (!seriesNames.includes(r.series!)) throw new Error(`series.tsv: ${r.series} has no titles in titles.tsv`);
    for (const alias of (r.aliases ?? '').split('|').filter(Boolean)) addSeries(alias, r.series!);
  }
  for (const [canonical, aliases] of Object.entries(extra.seriesAliases ?? {})) {
    if (seriesNames.includes(canonical)) for (const a of aliases) addSeries(a, canonical);
  }
  const seriesKeys = [...seriesByKey.entries()];
  /** Canonical series by their nearest spelling, as [name, edit distance / length], best first. */
  const rankSeries = (text: string): [string, number][] => {
    const key = seriesKey(text);
    const best = new Map<string, number>();
    for (const [alias, canonical] of seriesKeys) {
      const d = distance(key, alias) / Math.max(key.length, alias.length, 1);
      if (d < (best.get(canonical) ?? Infinity)) best.set(canonical, d);
    }
    return [...best.entries()].sort((a, b) => a[1] - b[1]);
  };

  const byTitle = new Map<string, TitleEntry[]>();
  for (const t of titles) {
    const key = titleKey(t.title);
    const list = byTitle.get(key) ?? [];
    list.push(t);
    byTitle.set(key, list);
  }

  const specialties = [...new Set([...readTsv(join(dir, 'specialties.tsv')).map((r) => r.specialty!), ...(extra.specialties ?? [])].filter(Boolean))];
  const specialtyByKey = new Map(specialties.map((s) => [specialtyKey(s), s]));

  const issuers: Record<IssuerKind, string[]> = { city: [], district: [], area: [] };
  for (const r of readTsv(join(dir, 'issuers.tsv'))) {
    const kind = r.kind as IssuerKind;
    if (!(kind in issuers)) throw new Error(`issuers.tsv: unknown kind ${r.kind}`);
    issuers[kind].push(r.prefix!);
  }
  // The district's own office and its 片区's (data/district.json, or the profile given), then the config's.
  issuers.district.push(...district.issuers);
  issuers.area.push(...(district.area?.issuers ?? []));
  for (const kind of Object.keys(issuers) as IssuerKind[]) issuers[kind].push(...(extra.issuers?.[kind] ?? []));
  // Longest prefix first, so a district office's full name (重庆市…区职称改革办公室) is the district's before 重庆市… could be read as the city.
  const prefixes = (Object.keys(issuers) as IssuerKind[])
    .flatMap((kind) => issuers[kind].map((p) => ({ key: textKey(p), kind })))
    .filter((p) => p.key)
    .sort((a, b) => b.key.length - a.key.length);

  // Cells repeat a few values over thousands of rows: each distinct text is normalised once.
  const canonicalSeries = memoText((text: string) => {
    const key = seriesKey(text);
    return key ? (seriesByKey.get(key) ?? null) : null;
  });
  const titleEntries = memoText((title: string): readonly TitleEntry[] => {
    const key = titleKey(title);
    const hit = byTitle.get(key);
    if (hit) return hit;
    // 主治医师（内科）, 工程师职称, 高级工程师资格: the name without its decoration.
    const bare = key.replace(/\([^()]*\)$/, '').replace(/(职称|资格|任职资格)$/, '');
    return (bare !== key && byTitle.get(bare)) || [];
  });
  const issuerKind = memoText((issuer: string): IssuerKind | null => {
    const key = textKey(issuer);
    for (const p of prefixes) if (key.startsWith(p.key)) return p.kind;
    return null;
  });
  return {
    titles,
    seriesNames,
    canonicalSeries,
    closestSeries(text, max = 3) {
      return rankSeries(text).filter(([, d]) => d <= 0.67).slice(0, max).map(([n]) => n);
    },
    suggestSeries(text) {
      const [best, second] = rankSeries(text);
      if (!best || best[1] > 0.34) return null;
      return !second || second[1] > best[1] ? best[0] : null;
    },
    titleEntries,
    specialties,
    knownSpecialty(text) {
      return specialtyByKey.get(specialtyKey(text)) ?? null;
    },
    issuers,
    issuerKind,
  };
}

/** The dropdown's 其他 (also written 其它): the specialty is then typed into 本地评审专业 (guide 三（十二）). */
export const OTHER_SPECIALTY = '其他';

export function isOtherSpecialty(text: string): boolean {
  const key = textKey(text);
  return key === '其他' || key === '其它';
}
