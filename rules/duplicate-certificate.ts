/** The same certificate twice (same ID and title, or same ID and 证书编号): reported on the later row (guide 二（三）). */
import { setRule } from '../src/engine/define.js';
import { SeenRows, certNoKey, earlierRow, idKey, looseKey } from '../src/engine/seen-rows.js';

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
    const seen = new SeenRows();
    const titles = new Map<string, number>();
    const numbers = new Map<string, number>();
    return {
      check(record) {
        const id = idKey(record);
        if (!id) return [];
        const title = looseKey(record.v.title);
        const certNo = certNoKey(record);
        const byTitle = title ? `${id}\u0000${title}` : null;
        const byNo = certNo ? `${id}\u0000${certNo}` : null;
        const earlierTitle = byTitle ? titles.get(byTitle) : undefined;
        const earlierNo = byNo ? numbers.get(byNo) : undefined;
        if ((byTitle && earlierTitle === undefined) || (byNo && earlierNo === undefined)) {
          const here = seen.add(record);
          if (byTitle && earlierTitle === undefined) titles.set(byTitle, here);
          if (byNo && earlierNo === undefined) numbers.set(byNo, here);
        }
        if (earlierTitle !== undefined) return [{ messageId: 'sameTitle', field: 'title', data: earlierRow(seen.at(earlierTitle), record) }];
        if (earlierNo !== undefined) return [{ messageId: 'sameCertNo', field: 'certNo', data: earlierRow(seen.at(earlierNo), record) }];
        return [];
      },
    };
  },
});
