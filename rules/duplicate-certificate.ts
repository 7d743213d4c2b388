/** The same certificate twice (same ID and title, or same ID and 证书编号): reported on the later row (guide 二（三）). */
import { setRule } from '../src/engine/define.js';
import type { CertRecord } from '../src/model/record.js';
import { looksLikeLostDigits } from '../src/util/id-number.js';

/** Where a row was seen, as set rules name it: the row number and its sheet (and file, when another). */
export interface Seen {
  row: number;
  file: string;
  sheet: string;
}

export function seenAt(r: CertRecord): Seen {
  return { row: r.row, file: r.file, sheet: r.sheet };
}

/** Data naming an earlier row for a message on `now`. */
export function earlierRow(earlier: Seen, now: CertRecord): { row: number; at: string } {
  return { row: earlier.row, at: earlier.file === now.file ? earlier.sheet : `${earlier.file} ${earlier.sheet}` };
}

/** The ID number as a key, or null when it cannot identify a person (empty, or digits lost in a number cell). */
export function idKey(r: CertRecord): string | null {
  const id = r.v.idNumber.replace(/[\s\u3000]+/g, '').toUpperCase();
  if (!id || r.cells.idNumber?.kind === 'number' || looksLikeLostDigits(id)) return null;
  return id;
}

/** Width, spaces and case folded. */
export function looseKey(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000]+/g, '').toUpperCase();
}

export default setRule({
  id: 'duplicate-certificate',
  description: { zh: '同一证书不重复登记', en: 'A certificate is not listed twice' },
  guide: '二（三）',
  severity: 'error',
  fields: ['idNumber', 'title', 'certNo'],
  messages: {
    sameTitle: {
      zh: '与{at}第 {row} 行是同一人的同一职称（身份证号、职称名称相同），同一证书只登记一次',
      en: 'same person and title as row {row} of {at}; a certificate is registered once',
    },
    sameCertNo: {
      zh: '与{at}第 {row} 行是同一人的同一证书编号，同一证书只登记一次',
      en: 'same person and certificate number as row {row} of {at}; a certificate is registered once',
    },
  },
  start() {
    const titles = new Map<string, Seen>();
    const numbers = new Map<string, Seen>();
    return {
      check(record) {
        const id = idKey(record);
        if (!id) return [];
        const title = looseKey(record.v.title);
        const certNo = looseKey(record.v.certNo);
        const byTitle = title ? `${id}\u0000${title}` : null;
        const byNo = certNo ? `${id}\u0000${certNo}` : null;
        const earlierTitle = byTitle ? titles.get(byTitle) : undefined;
        const earlierNo = byNo ? numbers.get(byNo) : undefined;
        if (byTitle && !earlierTitle) titles.set(byTitle, seenAt(record));
        if (byNo && !earlierNo) numbers.set(byNo, seenAt(record));
        if (earlierTitle) return [{ messageId: 'sameTitle', field: 'title', data: earlierRow(earlierTitle, record) }];
        if (earlierNo) return [{ messageId: 'sameCertNo', field: 'certNo', data: earlierRow(earlierNo, record) }];
        return [];
      },
    };
  },
});
