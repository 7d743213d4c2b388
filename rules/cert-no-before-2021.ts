/** A title obtained before 2021 is registered with its paper certificate's number (guide 三（十五）、二（五）). */
import { rowRule } from '../src/engine/define.js';

export default rowRule({
  id: 'cert-no-before-2021',
  description: { zh: '2021年前取得的职称须填写纸质证书编号', en: 'A title obtained before 2021 gives its paper certificate number' },
  guide: '三（十五）',
  severity: 'error',
  fields: ['certNo'],
  messages: {
    missing: {
      zh: '取得时间在2021年前（{year}年），须按纸质职称证书上的编号填写证书编号',
      en: 'the title was obtained before 2021 ({year}): give the number printed on the paper certificate',
    },
  },
  check(record) {
    const obtain = record.obtainDate;
    if (!obtain || obtain.y >= 2021 || record.v.certNo) return [];
    return [{ messageId: 'missing', field: 'certNo', data: { year: obtain.y } }];
  },
});
