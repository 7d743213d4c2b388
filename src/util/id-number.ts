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

const ID_PATTERN = /(?<![0-9])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9])/g;
/** An old 15-digit ID: area code, YYMMDD, sequence. */
const ID15_PATTERN = /(?<![0-9])([1-8]\d{5})(\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(\d{3})(?![0-9])/g;

/** Masks resident ID numbers inside any text: 500224********1234 (an old 15-digit one: 500224******123). */
export function maskIds(text: string): string {
  return text
    .replace(ID_PATTERN, (_, a: string, _b: string, c: string) => `${a}********${c}`)
    .replace(ID15_PATTERN, (whole, a: string, _b: string, c: string) => (PROVINCE_CODES.has(a.slice(0, 2)) ? `${a}******${c}` : whole));
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
