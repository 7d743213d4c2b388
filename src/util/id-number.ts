/** Resident ID numbers (GB 11643-1999): structure, check character, birth date, masking. */
import { validYMD, type YMD } from '../model/dates.js';
import { memoText } from './memo.js';

/** First two digits of every province-level division (GB/T 2260), including 71/81/82 (台港澳). */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43',
  '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export type IdProblem = 'length' | 'chars' | 'province' | 'birth' | 'checksum';

/** Checks an ID's structure; a lowercase x is accepted here (its own rule warns about it). */
export const idProblem = memoText(idProblemOf);

function idProblemOf(id: string): IdProblem | null {
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dXx]$/.test(id)) return 'chars';
  if (!PROVINCE_CODES.has(id.slice(0, 2))) return 'province';
  if (!idBirthDate(id)) return 'birth';
  if (checkCharacter(id) !== id[17]!.toUpperCase()) return 'checksum';
  return null;
}

/** The birth date an ID number holds (GB 11643 allows 18xx births), or null. */
export function idBirthDate(id: string): YMD | null {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(id);
  return m ? validYMD(+m[1]!, +m[2]!, +m[3]!, 1800) : null;
}

/** True for text such as 5.00224E+17 or a number of 15+ digits: an ID that went through a number cell. */
export function looksLikeLostDigits(text: string): boolean {
  return /^\d(?:\.\d+)?[eE]\+?\d+$/.test(text.trim());
}

/** A digit, ASCII or full-width. */
const DIGIT = '[0-9\\uFF10-\\uFF19]';
/** What may stand between the digits of a number written for reading: a space, an ideographic space, a hyphen or dash. */
const SEP = '[ \\u00A0\\u3000\\-\\u2010-\\u2015\\u2212\\uFF0D]';
/**
 * A run of digits (ASCII or full-width) with single spaces or hyphens between them, optionally ending in X
 * (any width or case), not touching another digit. Runs of 14 or more digits are masked.
 */
const DIGIT_RUN = new RegExp(`(?<!${DIGIT})${DIGIT}(?:${SEP}?${DIGIT})+(?:${SEP}?[XxＸｘ])?(?!${DIGIT})`, 'gu');
const IS_DIGIT = new RegExp(`^${DIGIT}$`, 'u');
const IS_ID_CHAR = /^[0-9\uFF10-\uFF19A-Za-z\uFF21-\uFF3A\uFF41-\uFF5A]$/u;

/** Digits in a run of this length or more are masked wherever they appear (an ID in any of its forms). */
export const MASK_MIN_DIGITS = 14;

/**
 * Masks the characters of `chars` (the ID characters of a value, by index in `parts`): the first ones and
 * the last ones stay, at least 8 in the middle (the birth date of an 18-character ID) become '*'. For 18
 * characters: 6 kept, 8 masked, 4 kept (500224********1234).
 */
function maskChars(parts: string[], isIdChar: (c: string) => boolean): string {
  const n = parts.filter(isIdChar).length;
  const head = Math.max(0, Math.min(6, n - 8));
  const tail = Math.max(0, Math.min(4, n - 8 - head));
  let k = 0;
  return parts.map((c) => {
    if (!isIdChar(c)) return c;
    const i = k++;
    return i < head || i >= n - tail ? c : '*';
  }).join('');
}

/**
 * Masks resident ID numbers inside any text, by shape: every run of 14 or more digits (ASCII or
 * full-width, single spaces or hyphens allowed between them, an optional final X), which covers the
 * 18-character ID, the 15-digit first-generation one, and IDs with a digit too many or too few. The first
 * 6 and (for 18) the last 4 stay: 500224********1234. For reporters of every format: call it on every
 * string that leaves the process unless --show-pii.
 */
export function maskIds(text: string): string {
  if (text.length < MASK_MIN_DIGITS) return text;
  return text.replace(DIGIT_RUN, (run) => {
    const chars = [...run];
    let digits = 0;
    for (const c of chars) if (IS_DIGIT.test(c)) digits++;
    if (digits < MASK_MIN_DIGITS) return run;
    return maskChars(chars, (c) => IS_DIGIT.test(c) || c === 'X' || c === 'x' || c === 'Ｘ' || c === 'ｘ');
  });
}

/**
 * Masks a whole 身份证号 value, whatever its form (too short, too long, letters, full-width, spaces): its
 * letters and digits are masked but for the first and last few (none at all when it has 8 or fewer).
 */
export function maskIdValue(value: string): string {
  return maskChars([...value], (c) => IS_ID_CHAR.test(c));
}

/**
 * Masks a text that may quote a 身份证号 value as typed (`idValue`, any form): each occurrence of the value
 * is masked whole, then every ID-shaped run (maskIds).
 */
export function maskIdsQuoting(text: string, idValue: string | null | undefined): string {
  const v = idValue?.trim();
  if (v && [...v].filter((c) => IS_ID_CHAR.test(c)).length >= 6 && text.includes(v)) text = text.split(v).join(maskIdValue(v));
  return maskIds(text);
}

/** A run of ID characters (digits and letters, any width) long enough to be an ID value of a row. */
const ID_TOKEN = /[0-9A-Za-z\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]{6,}/gu;
const ONLY_ID_CHARS = /^[0-9A-Za-z\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]+$/u;
const LONG_PLAIN = /^\d{14,}[Xx]?$/;

/**
 * The 身份证号 values of a run that the shape (maskIds: 14+ digits) would not catch — too short, or more
 * letters than digits — so that a report can mask them wherever they appear (a naming-convention hint, a
 * message of another field). Malformed values are few; well-formed ones are not kept.
 */
export class IdValues {
  private readonly tokens = new Set<string>();
  private readonly phrases = new Set<string>();

  add(value: string): void {
    // The common case, a plain ID of 14+ digits: the shape masks it (no allocation per row).
    if (LONG_PLAIN.test(value)) return;
    const v = value.trim();
    if (!v) return;
    const compact = v.replace(/\s+/g, '');
    for (const form of new Set([v, compact, compact.toUpperCase()])) {
      const chars = [...form];
      if (chars.filter((c) => IS_ID_CHAR.test(c)).length < 6) continue;
      // The shape masks it (14+ digits with single spaces or hyphens); 14+ digits it does not see as one run
      // (dots, tabs, double spaces between them) are kept like any malformed value.
      if (maskIds(form) !== form) continue;
      (ONLY_ID_CHARS.test(form) ? this.tokens : this.phrases).add(form);
    }
  }

  get size(): number {
    return this.tokens.size + this.phrases.size;
  }

  /** `text` with every known value masked whole (maskIdValue), then every ID-shaped run (maskIds). */
  mask(text: string): string {
    if (this.tokens.size) text = text.replace(ID_TOKEN, (t) => (this.tokens.has(t) ? maskIdValue(t) : t));
    for (const p of this.phrases) if (text.includes(p)) text = text.split(p).join(maskIdValue(p));
    return maskIds(text);
  }
}

/**
 * The 18-digit form of a 15-digit ID number (GB 11643-1989 → 1999): the century 19 inserted before the
 * two-digit birth year and the check character appended. Null when the text is not a 15-digit number
 * with a real birth date.
 */
export function legacyTo18(id15: string): string | null {
  if (!/^\d{15}$/.test(id15)) return null;
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  if (!PROVINCE_CODES.has(first17.slice(0, 2)) || !idBirthDate(first17)) return null;
  return first17 + checkCharacter(first17);
}
