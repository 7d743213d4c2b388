/** 评审专业名称 is chosen: a dropdown name, or 其他 with 本地评审专业 (guide 三（十二）). */
import { rowRule } from '../src/engine/define.js';
import { OTHER_SPECIALTY } from './utils/lookups.js';

export default rowRule({
  id: 'specialty-required',
  description: { zh: '评审专业名称须选择（下拉栏中的专业或“其他”）', en: 'A review specialty is chosen (a dropdown name or 其他)' },
  guide: '三（十二）',
  severity: 'error',
  fields: ['specialty'],
  messages: {
    empty: {
      zh: '评审专业名称未填写：下拉栏中有证书上的专业时直接选择，没有时选“其他”并填写本地评审专业',
      en: 'the review specialty is empty: choose the certificate\'s specialty from the dropdown, or 其他 (other) and type it into the local specialty',
    },
    emptyWithLocal: {
      zh: '评审专业名称未填写，本地评审专业已填“{local}”，评审专业名称应选“其他”',
      en: 'the review specialty is empty while the local specialty is "{local}": choose 其他 (other) as the review specialty',
    },
  },
  check(record) {
    if (!record.cells.specialty || record.v.specialty) return [];
    const local = record.v.localSpecialty;
    if (local) return [{ messageId: 'emptyWithLocal', field: 'specialty', data: { local }, suggestion: OTHER_SPECIALTY }];
    return [{ messageId: 'empty', field: 'specialty' }];
  },
});
