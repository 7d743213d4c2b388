/**
 * From 2021 on the system numbers certificates: 证书编号 stays empty (guide 二（五）、三（十五））. Clearing it is a
 * fix derived from 取得时间, applied only when that date is uncontested.
 */
import { rowRule } from '../src/engine/define.js';
import { isPlaceholder } from '../src/model/cell.js';

export default rowRule({
  id: 'cert-no-since-2021',
  description: { zh: '2021年以来取得的职称不填证书编号（由系统自动编号）', en: 'A title obtained in 2021 or later leaves the certificate number empty (the system numbers it)' },
  guide: '二（五）',
  severity: 'warning',
  fields: ['certNo'],
  messages: {
    notNeeded: {
      zh: '取得时间在2021年以来（{year}年），证书编号无需填写，审核通过后由系统自动生成；请清空“{value}”',
      en: 'the title was obtained in {year} (2021 or later): leave the certificate number empty, the system numbers it after approval; clear "{value}"',
    },
  },
  check(record) {
    const obtain = record.obtainDate;
    const value = record.v.certNo;
    // A placeholder (无, /, 暂无…) already says "no number": nothing to clear.
    if (!obtain || obtain.y < 2021 || !value || isPlaceholder(value)) return [];
    return [{ messageId: 'notNeeded', field: 'certNo', data: { year: obtain.y, value }, fix: '', from: ['obtainDate'] }];
  },
});
