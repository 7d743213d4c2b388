/** 评审专业名称 其他 needs the certificate's specialty in 本地评审专业 (guide 三（十二）). */
import { rowRule } from '../src/engine/define.js';
import { isOtherSpecialty } from './utils/lookups.js';

export default rowRule({
  id: 'specialty-other-needs-local',
  description: { zh: '评审专业名称选“其他”时须填写本地评审专业', en: 'With review specialty 其他, the local specialty is filled in' },
  guide: '三（十二）',
  severity: 'error',
  fields: ['localSpecialty'],
  messages: {
    missing: {
      zh: '评审专业名称选了“其他”，须在本地评审专业中填写证书上的专业名称（如“建筑工程”）',
      en: 'the review specialty is 其他 (other): type the specialty printed on the certificate (e.g. 建筑工程) into the local specialty',
    },
  },
  check(record) {
    if (!isOtherSpecialty(record.v.specialty) || record.v.localSpecialty) return [];
    return [{ messageId: 'missing', field: 'localSpecialty' }];
  },
});
