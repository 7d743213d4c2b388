/**
 * What set rules (rules that compare a row with the rows before it) remember of each row, and the keys they
 * compare by. A city-wide batch has 100,000 rows or more: an object per remembered row (and, as V8 gave
 * them, a hidden class each) was the largest part of the heap, so rows are kept as numbers in arrays and
 * looked up by index.
 */
import type { CertRecord } from '../../src/model/record.js';
import { isPlaceholder } from '../../src/model/cell.js';
import { looksLikeLostDigits } from '../../src/util/id-number.js';
import { memoText } from '../../src/util/memo.js';

/** Where a row was seen, as set rules name it: the row number and its sheet (and file, when another). */
export interface Seen {
  row: number;
  file: string;
  sheet: string;
}

/** Rows remembered by a set rule: `add` gives each an index, `at` gives its place back. */
export class SeenRows {
  private readonly rows: number[] = [];
  private readonly places: number[] = [];
  private readonly placeIndex = new Map<string, number>();
  private readonly placeList: { file: string; sheet: string }[] = [];

  get size(): number {
    return this.rows.length;
  }

  add(r: CertRecord): number {
    const key = `${r.file}\u0000${r.sheet}`;
    let place = this.placeIndex.get(key);
    if (place === undefined) {
      place = this.placeList.push({ file: r.file, sheet: r.sheet }) - 1;
      this.placeIndex.set(key, place);
    }
    this.places.push(place);
    return this.rows.push(r.row) - 1;
  }

  at(i: number): Seen {
    return { row: this.rows[i]!, ...this.placeList[this.places[i]!]! };
  }
}

/** Data naming an earlier row for a message on `now`. */
export function earlierRow(earlier: Seen, now: CertRecord): { row: number; at: string } {
  return { row: earlier.row, at: earlier.file === now.file ? earlier.sheet : `${earlier.file} ${earlier.sheet}` };
}

/** Keys worked out once per record: the three set rules each compare by them, and keep them. */
const keys = new WeakMap<CertRecord, { id: string | null; certNo?: string }>();

function keysOf(r: CertRecord): { id: string | null; certNo?: string } {
  let k = keys.get(r);
  if (!k) {
    const id = r.v.idNumber.replace(/[\s\u3000]+/g, '').toUpperCase();
    k = { id: !id || r.cells.idNumber?.kind === 'number' || looksLikeLostDigits(id) ? null : id };
    keys.set(r, k);
  }
  return k;
}

/** The ID number as a key, or null when it cannot identify a person (empty, or digits lost in a number cell). */
export function idKey(r: CertRecord): string | null {
  return keysOf(r).id;
}

/** The 证书编号 as a key (looseKey of it); '' for an empty cell or a placeholder (无, /, -, 暂无…). */
export function certNoKey(r: CertRecord): string {
  const k = keysOf(r);
  return (k.certNo ??= isPlaceholder(r.v.certNo) ? '' : looseKey(r.v.certNo));
}

/** Width, spaces and case folded. */
export function looseKey(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000]+/g, '').toUpperCase();
}

/** looseKey of a field whose texts repeat over the rows (titles, approval numbers): each text folded once. */
export const looseKeyOfRepeated = memoText(looseKey);
