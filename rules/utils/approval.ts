/**
 * 批准文号 as clerks copy it: `<发文机关>【YYYY】<序号>号` (guide 三（四）1), e.g. 渝职改办【2019】125号. Official
 * documents print the year in 〔〕; old ones (before about 2000) often wrote a two-digit year, 某区职改办(98)9号.
 * Parsed once per distinct text: rules of several files ask.
 */
import { memoText } from '../../src/util/memo.js';

export interface ApprovalNo {
  issuer: string;
  year: number;
  number: string;
}

export type ApprovalProblem = 'noIssuer' | 'noYear' | 'noNumber' | 'noHao' | 'shape';

/** Parses an approval number whatever its year brackets (approval-no-brackets reports those). */
export type ParsedApprovalNo = { value: ApprovalNo } | { problem: ApprovalProblem; suggestion?: string };

/** Bracket pairs clerks use around the year instead of 【】. */
export const WRONG_PAIRS: readonly [string, string][] = [
  ['〔', '〕'], ['〖', '〗'], ['〘', '〙'], ['﹝', '﹞'], ['［', '］'], ['（', '）'], ['(', ')'], ['[', ']'], ['{', '}'], ['「', '」'], ['《', '》'],
];
const OPEN = WRONG_PAIRS.map(([o]) => `\\${o}`).join('');
const CLOSE = WRONG_PAIRS.map(([, c]) => `\\${c}`).join('');
/** A year (possibly with stray spaces) between any opening and closing bracket, right or wrong. */
export const YEAR_IN_BRACKETS = new RegExp(`[${OPEN}【]\\s*(\\d{4})\\s*[${CLOSE}】]`);
/** A two-digit year in brackets after the issuer, before the number: 某区职改办(98)9号. */
export const SHORT_YEAR_IN_BRACKETS = new RegExp(`^(\\D+?)[${OPEN}【]\\s*(\\d{2})\\s*[${CLOSE}】]\\s*(第?\\d+号?)$`);

/** The approval number with the year's brackets made 【】, or null when nothing needs changing. */
export function fixApprovalBrackets(text: string): string | null {
  const m = YEAR_IN_BRACKETS.exec(text);
  if (!m) return null;
  const fixed = text.slice(0, m.index) + `【${m[1]}】` + text.slice(m.index + m[0].length);
  return fixed === text ? null : fixed;
}

/** A two-digit year as written in old documents: 85 → 1985, 08 → 2008 (documents of 1950–2049). */
export function fullYear(yy: string): number {
  const n = Number(yy);
  return n >= 50 ? 1900 + n : 2000 + n;
}

/**
 * The approval number with a two-digit year in brackets written out in 【】 (某区职改办(98)9号 →
 * 某区职改办【1998】9号), or null when it has none.
 */
export function expandShortYear(text: string): string | null {
  const m = SHORT_YEAR_IN_BRACKETS.exec(text.trim());
  if (!m) return null;
  return `${m[1]!.trim()}【${fullYear(m[2]!)}】${m[3]!}`;
}

const FULL = /^(?<issuer>.*?)【(?<year>\d{4})】第?(?<num>\d+)(?<hao>号?)$/;
const BARE_YEAR = /^(?<issuer>\D*?)(?<year>(?:19|20)\d{2})年?第?(?<num>\d+)号?$/;

/** The parts of an approval number (each distinct text parsed once). */
export const parseApprovalNo = memoText(parseApprovalNoText);

function parseApprovalNoText(text: string): ParsedApprovalNo {
  const plain = text.normalize('NFKC').replace(/[\s\u3000]+/g, '');
  const s = fixApprovalBrackets(plain) ?? expandShortYear(plain) ?? plain;
  const m = FULL.exec(s);
  if (m) {
    const { issuer = '', year, num = '', hao } = m.groups!;
    if (!issuer) return { problem: 'noIssuer' };
    if (!hao) return { problem: 'noHao', suggestion: `${issuer}【${year}】${num}号` };
    return { value: { issuer, year: Number(year), number: num } };
  }
  if (/【\d{4}】/.test(s)) {
    // The year is there: what follows it is not a number ending in 号.
    return /【\d{4}】第?\D*号?$/.test(s) ? { problem: 'noNumber' } : { problem: 'shape' };
  }
  const bare = BARE_YEAR.exec(s);
  if (bare?.groups?.issuer) {
    const { issuer, year, num } = bare.groups;
    return { problem: 'noYear', suggestion: `${issuer}【${year}】${num}号` };
  }
  return { problem: 'noYear' };
}
