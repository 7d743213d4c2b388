/**
 * The same certificate twice (guide 二（三））: the same person and the same 证书编号, or the same person and
 * title with nothing that tells two certificates apart. Two filled, different certificate numbers are two
 * certificates (经济师 in two exam specialties, 2012 and 2016); without numbers, a different approval number or
 * 取得时间 makes it a warning to check, not an error. Reported on the later row.
 */
import { setRule } from '../src/engine/define.js';
import { SeenRows, certNoKey, earlierRow, idKey, looseKeyOfRepeated } from './utils/seen-rows.js';
import type { YMD } from '../src/model/dates.js';

const dayNumber = (d: YMD | null | undefined): number => (d ? d.y * 10000 + d.m * 100 + (d.d ?? 0) : 0);

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
    sameTitleOtherDocument: {
      zh: '与{at}第 {row} 行是同一人的同一职称，但批准文号或取得时间不同：如是两张证书（如不同专业），请核对并填写各自的证书编号；如是同一张，只登记一次',
      en: 'same person and title as row {row} of {at}, but another approval number or date obtained: if these are two certificates (e.g. two specialties), check and give each its number; if one, register it once',
      severity: 'warning',
    },
    sameCertNo: {
      zh: '与{at}第 {row} 行是同一人的同一证书编号，同一证书只登记一次',
      en: 'same person and certificate number as row {row} of {at}; a certificate is registered once',
    },
  },
  start() {
    // Kept as numbers in arrays (a city-wide batch has 100,000 rows): per row, its certificate number and
    // approval number as interned ids (0 = empty), its date obtained, and the previous row of the same
    // person and title (-1 = none).
    const seen = new SeenRows();
    const lastOfTitle = new Map<string, number>();
    const numbers = new Map<string, number>();
    const ids = new Map<string, number>();
    const intern = (text: string): number => {
      if (!text) return 0;
      let n = ids.get(text);
      if (n === undefined) ids.set(text, (n = ids.size + 1));
      return n;
    };
    const certNos: number[] = [];
    const approvals: number[] = [];
    const obtained: number[] = [];
    const previous: number[] = [];
    return {
      check(record) {
        const id = idKey(record);
        if (!id) return [];
        const title = looseKeyOfRepeated(record.v.title);
        const certNo = certNoKey(record);
        const byTitle = title ? `${id}\u0000${title}` : null;
        const byNo = certNo ? `${id}\u0000${certNo}` : null;
        const earlierNo = byNo ? numbers.get(byNo) : undefined;
        const here = seen.add(record);
        const mine = { certNo: intern(certNo), approvalNo: intern(looseKeyOfRepeated(record.v.approvalNo)), obtained: dayNumber(record.obtainDate) };
        certNos.push(mine.certNo);
        approvals.push(mine.approvalNo);
        obtained.push(mine.obtained);
        const last = byTitle ? lastOfTitle.get(byTitle) : undefined;
        previous.push(last ?? -1);
        if (byTitle) lastOfTitle.set(byTitle, here);
        if (byNo && earlierNo === undefined) numbers.set(byNo, here);
        let warned: number | null = null;
        let same: number | null = null;
        for (let i = last ?? -1; i >= 0; i = previous[i]!) {
          // Two filled, different numbers: two certificates.
          if (mine.certNo && certNos[i] && mine.certNo !== certNos[i]) continue;
          const otherDocument = (mine.approvalNo && approvals[i] && mine.approvalNo !== approvals[i]) || (mine.obtained && obtained[i] && mine.obtained !== obtained[i]);
          if (otherDocument) warned = i;
          else same = i;
        }
        if (same !== null) return [{ messageId: 'sameTitle', field: 'title', data: earlierRow(seen.at(same), record) }];
        if (earlierNo !== undefined) return [{ messageId: 'sameCertNo', field: 'certNo', data: earlierRow(seen.at(earlierNo), record) }];
        if (warned !== null) return [{ messageId: 'sameTitleOtherDocument', field: 'title', data: earlierRow(seen.at(warned), record) }];
        return [];
      },
    };
  },
});
