/**
 * One 证书编号 belongs to one person: the same number under another ID is a typo or a copy (guide 三（一）、三（十五））.
 * Old paper certificates often carry short serials (0012) that each issuer restarted every year: the same
 * short serial from another issuer or year — or where the sheet cannot tell — is a warning, not an error.
 */
import { setRule } from '../src/engine/define.js';
import { parseApprovalNo } from './utils/approval.js';
import { SeenRows, certNoKey, earlierRow, idKey } from './utils/seen-rows.js';
import { rowYear } from './utils/committee.js';

/** A serial of at most six letters and digits: issuers restarted such numbers, so they repeat. */
export function isShortSerial(key: string): boolean {
  return /^[0-9A-Z]{1,6}$/.test(key);
}

export default setRule({
  id: 'cert-no-one-person',
  description: { zh: '同一证书编号不属于两个人', en: 'One certificate number does not belong to two people' },
  guide: '三（十五）',
  severity: 'error',
  fields: ['certNo'],
  messages: {
    shared: {
      zh: '证书编号“{certNo}”与{at}第 {row} 行另一人（身份证号不同）的相同，请按本人纸质证书核对',
      en: 'the certificate number "{certNo}" is also given for another person (another ID number) in row {row} of {at}; check this holder\'s paper certificate',
    },
    sharedShort: {
      zh: '证书编号“{certNo}”与{at}第 {row} 行另一人的相同。这样的短编号各发证机关、各年份会重复使用，但请按本人纸质证书核对',
      en: 'the certificate number "{certNo}" is also given for another person in row {row} of {at}. Issuers reused such short serials year by year, but check this holder\'s paper certificate',
      severity: 'warning',
    },
  },
  start() {
    const seen = new SeenRows();
    /** The first row of each number, its holder's ID number, its approval issuer (interned, 0 = unknown) and year (0 = unknown). */
    const owners = new Map<string, number>();
    const ids: string[] = [];
    const issuers: number[] = [];
    const years: number[] = [];
    const issuerIds = new Map<string, number>();
    const issuerOf = (approvalNo: string): number => {
      if (!approvalNo) return 0;
      const parsed = parseApprovalNo(approvalNo);
      if (!('value' in parsed)) return 0;
      const key = parsed.value.issuer;
      let n = issuerIds.get(key);
      if (n === undefined) issuerIds.set(key, (n = issuerIds.size + 1));
      return n;
    };
    return {
      check(record) {
        const id = idKey(record);
        const certNo = certNoKey(record);
        if (!id || !certNo) return [];
        const first = owners.get(certNo);
        if (first === undefined) {
          owners.set(certNo, seen.add(record));
          ids.push(id);
          issuers.push(issuerOf(record.v.approvalNo));
          years.push(rowYear(record).year ?? 0);
          return [];
        }
        if (ids[first] === id) return [];
        const data = { certNo: record.v.certNo, ...earlierRow(seen.at(first), record) };
        if (isShortSerial(certNo)) {
          const issuer = issuerOf(record.v.approvalNo);
          const year = rowYear(record).year ?? 0;
          const sameSource = issuer !== 0 && issuer === issuers[first] && year !== 0 && year === years[first];
          if (!sameSource) return [{ messageId: 'sharedShort', field: 'certNo', data }];
        }
        return [{ messageId: 'shared', field: 'certNo', data }];
      },
    };
  },
});
