/** One 证书编号 belongs to one person: the same number under another ID is a typo or a copy (guide 三（一）、三（十五）). */
import { setRule } from '../src/engine/define.js';
import { SeenRows, certNoKey, earlierRow, idKey } from '../src/engine/seen-rows.js';

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
  },
  start() {
    const seen = new SeenRows();
    /** The first row of each number, and its holder's ID number (by row index). */
    const owners = new Map<string, number>();
    const ids: string[] = [];
    return {
      check(record) {
        const id = idKey(record);
        const certNo = certNoKey(record);
        if (!id || !certNo) return [];
        const first = owners.get(certNo);
        if (first === undefined) {
          owners.set(certNo, seen.add(record));
          ids.push(id);
          return [];
        }
        if (ids[first] === id) return [];
        return [{ messageId: 'shared', field: 'certNo', data: { certNo: record.v.certNo, ...earlierRow(seen.at(first), record) } }];
      },
    };
  },
});
