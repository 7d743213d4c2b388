/**
 * What the committee rules (and others) read from a row, worked out once per row: how the title was
 * obtained (stated, or inferred when the sheet has no 取得方式), the row's year and place, its level and
 * series, and the verdict on its 评审机构 judged against the list of its year.
 */
import type { GuideData } from '../../src/data/guide.js';
import { canonicalLevel, isSenior, type PlatformLevel } from '../../src/data/levels.js';
import { canonicalMethod, type Method } from '../../src/data/methods.js';
import type { RuleContext } from '../../src/engine/types.js';
import { expandKey, formKey, levelsFromName, seriesFromName, statesLevel, type CommitteeEntry, type CommitteeMatch } from '../../src/match/committee.js';
import type { FieldKey } from '../../src/model/fields.js';
import type { CertRecord } from '../../src/model/record.js';
import { parseApprovalNo } from './approval.js';

export { levelsText, listsText } from '../../src/i18n/words.js';
export { expandKey, formKey, OTHER_PROVINCES, placesOf } from '../../src/match/committee.js';

export interface RowMethod {
  /** The method the 取得方式 cell states (null: empty, absent or unrecognisable). */
  stated: Method | null;
  /** What the row is judged as: the stated method, else one inferred; null when nothing tells. */
  method: Method | null;
  /** `method` was inferred (from an office in the 评审机构 cell, from 取得时间 = 发证时间, from a committee). */
  inferred: boolean;
}

export interface RowYear {
  year: number | null;
  /** The cell the year was read from. */
  field: FieldKey | null;
}

export interface RowCommittee {
  /** The committee text as typed (trimmed). */
  text: string;
  how: RowMethod;
  level: PlatformLevel | null;
  /** The row's series, canonical; null when empty or unknown. */
  series: string | null;
  year: RowYear;
  /** Where the approval came from (the district's place, or its 片区's), by its number; null when it does not tell. */
  place: string | null;
  match: CommitteeMatch;
}

/** True when a 评审机构 text names a 职称改革办公室 (or its abbreviation 职改办). */
export function namesOfficeText(text: string): boolean {
  return /职称改革办公室/.test(expandKey(formKey(text)));
}

/** True when a 评审机构 text is shaped like a review committee (…评审委员会, …评委会, even cut short: …评审委会). */
export function namesCommitteeText(text: string): boolean {
  return /评审|委员会/.test(expandKey(formKey(text)));
}

const methods = new WeakMap<CertRecord, RowMethod>();

/**
 * How the row's title was obtained. The platform has no such field and many sheets no such column, so an
 * empty (or unrecognisable) cell is inferred: a 职称改革办公室 as 评审机构 means 初定 or 确认 (高级: 确认 —
 * 高级 has no 初定; 中级/初级: 初定 when 取得时间 = 发证时间, else 确认); a review committee means 评审;
 * 取得时间 = 发证时间 alone means 初定. Rules never give an error whose only ground is an inferred method.
 */
export function rowMethod(record: CertRecord): RowMethod {
  const hit = methods.get(record);
  if (hit) return hit;
  const text = record.v.method;
  const stated = text ? canonicalMethod(text) : null;
  let value: RowMethod;
  if (stated) value = { stated, method: stated, inferred: false };
  else {
    const { obtainDate: o, issueDate: i } = record;
    const sameDay = !!o && !!i && o.y === i.y && o.m === i.m && o.d !== null && o.d === i.d;
    const committee = record.v.committee;
    let method: Method | null = null;
    if (committee && namesOfficeText(committee)) method = isSenior(canonicalLevel(record.v.level)) ? '确认' : sameDay ? '初定' : '确认';
    else if (committee && namesCommitteeText(committee)) method = '评审';
    else if (sameDay) method = '初定';
    value = { stated: null, method, inferred: method !== null };
  }
  methods.set(record, value);
  return value;
}

/** 初定 and 确认 name an office (committee-office); every other method names a review committee. */
export function namesOffice(method: Method | null): boolean {
  return method === '初定' || method === '确认';
}

/**
 * The row's year, which decides the committee list it is judged against: 取得时间, else 发证时间, else the
 * approval number's year.
 */
export function rowYear(record: CertRecord): RowYear {
  if (record.obtainDate) return { year: record.obtainDate.y, field: 'obtainDate' };
  if (record.issueDate) return { year: record.issueDate.y, field: 'issueDate' };
  if (record.v.approvalNo) {
    const parsed = parseApprovalNo(record.v.approvalNo);
    if ('value' in parsed) return { year: parsed.value.year, field: 'approvalNo' };
  }
  return { year: null, field: null };
}

/**
 * Where the row's approval came from by its number's issuer: the district's place for its own office's
 * numbers, its 片区's place for the 片区 office's (the district profile), or null.
 */
export function rowPlace(record: CertRecord, ctx: RuleContext): string | null {
  if (!record.v.approvalNo) return null;
  const parsed = parseApprovalNo(record.v.approvalNo);
  if (!('value' in parsed)) return null;
  const kind = ctx.data.guide.issuerKind(parsed.value.issuer);
  const district = ctx.data.district;
  if (kind === 'district') return district.place;
  if (kind === 'area') return district.area?.place ?? null;
  return null;
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
  const year = rowYear(record);
  const place = rowPlace(record, ctx);
  const value: RowCommittee = {
    text, how: rowMethod(record), level, series, year, place,
    match: ctx.data.committees.match(text, { level, series, year: year.year, place }),
  };
  memo.set(record, { ctx, value });
  return value;
}

/**
 * The levels the row's committee awards, when it can be told: an official name (exact, form, misprint) by
 * its entry; any other text by the level its own words state (a name that says 中级 awards no 高级, whatever
 * list it is on); null when neither tells.
 */
export function committeeLevels(rc: RowCommittee): readonly PlatformLevel[] | null {
  const { match } = rc;
  if (match.entry?.kind === 'office') return null;
  if ((match.verdict === 'exact' || match.verdict === 'form' || match.verdict === 'misprint') && match.entry) return match.entry.levels;
  if (statesLevel(rc.text)) return levelsFromName(expandKey(formKey(rc.text)));
  return null;
}

/** The series the row's committee reviews, when it can be told (as committeeLevels); null = no series check. */
export function committeeSeriesOf(rc: RowCommittee, guide: GuideData): string[] | null {
  const { match } = rc;
  if (match.entry?.kind === 'office' || match.verdict === 'office') return null;
  let series: readonly string[] | null;
  if ((match.verdict === 'exact' || match.verdict === 'form' || match.verdict === 'misprint') && match.entry) series = match.entry.series;
  else series = seriesFromName(expandKey(formKey(rc.text)));
  if (!series) return null;
  const out = series.map((s) => guide.canonicalSeries(s)).filter((s): s is string => s !== null);
  return out.length ? [...new Set(out)] : null;
}

/** The committee a row names by its official name (exact, form, misprint) and a review committee. */
export function namedCommittee(rc: RowCommittee): CommitteeEntry | null {
  const { match } = rc;
  if (match.verdict !== 'exact' && match.verdict !== 'form' && match.verdict !== 'misprint') return null;
  return match.entry?.kind === 'committee' ? match.entry : null;
}
