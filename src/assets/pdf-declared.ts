/** What a PDF declares before any parsing: checked first, by both the small reader's path and pdfjs's. */

/** A PDF name spelt literally or with #xx escapes (pdfjs decodes /Si#7Ae as /Size). */
function nameSource(name: string): string {
  return [...name].map((c) => `(?:${c}|#${c.charCodeAt(0).toString(16)}|#${c.charCodeAt(0).toString(16).toUpperCase()})`).join('');
}
const SIZE_KEY = new RegExp(`/${nameSource('Size')}(?![^\\s/<>\\[\\]()%{}])`, 'g');
const INDEX_KEY = new RegExp(`/${nameSource('Index')}(?![^\\s/<>\\[\\]()%{}])`, 'g');
/** White space and comments between PDF tokens. */
const GAP = /(?:\s|%[^\r\n]*[\r\n]?)*/y;
const NUMBER = /\d{1,15}/y;

/** The integers after `at` (skipping white space and comments): one, or those of an array. */
function numbersAt(text: string, at: number, array: boolean): number[] {
  GAP.lastIndex = at;
  GAP.exec(text);
  let i = GAP.lastIndex;
  if (array) {
    if (text[i] !== '[') return [];
    i++;
  }
  const out: number[] = [];
  for (let n = 0; n < (array ? 4000 : 1); n++) {
    GAP.lastIndex = i;
    GAP.exec(text);
    NUMBER.lastIndex = GAP.lastIndex;
    const m = NUMBER.exec(text);
    if (!m) break;
    out.push(Number(m[0]));
    i = NUMBER.lastIndex;
  }
  return out;
}

/**
 * The number of objects a PDF's cross-reference sections declare (the largest /Size, or the sum of an
 * /Index array's counts), read from the uncompressed dictionaries without parsing (names may be escaped,
 * comments may stand between the tokens): a 340 KB file may declare 50 million, which pdfjs would
 * allocate before noticing anything.
 */
export function declaredObjects(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let most = 0;
  for (const m of text.matchAll(SIZE_KEY)) most = Math.max(most, numbersAt(text, m.index + m[0].length, false)[0] ?? 0);
  for (const m of text.matchAll(INDEX_KEY)) {
    const nums = numbersAt(text, m.index + m[0].length, true);
    let sum = 0;
    for (let i = 1; i < nums.length; i += 2) sum += nums[i]!;
    most = Math.max(most, sum);
  }
  return most;
}

/** Bytes a PDF needs at the least per object it declares. */
const MIN_BYTES_PER_OBJECT = 1;

/** Why a PDF is damaged by what it declares (more objects than its size can hold), or null. */
export function declaresTooMuch(bytes: Uint8Array): string | null {
  const objects = declaredObjects(bytes);
  if (objects > Math.max(1024, bytes.byteLength / MIN_BYTES_PER_OBJECT)) {
    return `the cross-reference table declares ${objects} objects, more than a ${bytes.byteLength}-byte file can hold`;
  }
  return null;
}
