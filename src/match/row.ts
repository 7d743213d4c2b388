/** What the committee rules read from a row: method, level, series, and the committee match (once per row). */
import type { RuleContext } from '../engine/types.js';
import type { GuideData } from '../data/guide.js';
import { canonicalLevel, type PlatformLevel } from '../data/levels.js';
import { canonicalMethod, type Method } from '../data/methods.js';
import type { CertRecord } from '../model/record.js';
import type { CommitteeEntry, CommitteeMatch } from './committee.js';

export interface RowCommittee {
  /** The committee text as typed (trimmed). */
  text: string;
  /** How the title was obtained (empty = 评审); null when the text is not recognisable. */
  method: Method | null;
  level: PlatformLevel | null;
  /** The row's series, canonical; null when empty or unknown. */
  series: string | null;
  match: CommitteeMatch;
}

const memo = new WeakMap<CertRecord, { ctx: RuleContext; value: RowCommittee }>();

/** The row's committee facts, or null when the 评审机构 cell is empty (required-fields reports that). */
export function rowCommittee(record: CertRecord, ctx: RuleContext): RowCommittee | null {
  const text = record.v.committee;
  if (!text) return null;
  const hit = memo.get(record);
  if (hit && hit.ctx === ctx) return hit.value;
  const level = canonicalLevel(record.v.level);
  const series = record.v.series ? ctx.data.guide.canonicalSeries(record.v.series) : null;
  const value: RowCommittee = {
    text,
    method: canonicalMethod(record.v.method),
    level,
    series,
    match: ctx.data.committees.match(text, { level, series }),
  };
  memo.set(record, { ctx, value });
  return value;
}

/** 初定 and 确认 name an office (committee-office); every other method names a review committee. */
export function namesOffice(method: Method | null): boolean {
  return method === '初定' || method === '确认';
}

/** The committee a row names, when known (exact or near) and a review committee. */
export function namedCommittee(rc: RowCommittee): CommitteeEntry | null {
  const { match } = rc;
  if ((match.kind !== 'exact' && match.kind !== 'near') || !match.entry) return null;
  return match.entry.kind === 'committee' ? match.entry : null;
}

/** The committee's series in the guide's canonical names; null when unsure (no series check). */
export function committeeSeries(entry: CommitteeEntry, guide: GuideData): string[] | null {
  if (!entry.series) return null;
  const out = entry.series.map((s) => guide.canonicalSeries(s)).filter((s): s is string => s !== null);
  return out.length ? [...new Set(out)] : null;
}

const LEVEL_WORDS: Record<PlatformLevel, { zh: string; en: string }> = {
  '高级（正高）': { zh: '正高级', en: 'full senior' },
  '高级（副高）': { zh: '副高级', en: 'associate senior' },
  中级: { zh: '中级', en: 'intermediate' },
  '初级（含员级）': { zh: '初级', en: 'junior' },
};

/** The levels a committee awards, as words: 正高级 / 副高级 / 高级（正高、副高） / 中级、初级. */
export function levelsText(levels: readonly PlatformLevel[], lang: 'zh' | 'en'): string {
  if (levels.length === 2 && levels.includes('高级（正高）') && levels.includes('高级（副高）')) {
    return lang === 'zh' ? '高级（正高、副高）' : 'senior (full and associate)';
  }
  return levels.map((l) => LEVEL_WORDS[l][lang]).join(lang === 'zh' ? '、' : ', ');
}
