/** A specialty chosen from the dropdown leaves 本地评审专业 empty (guide 三（十二）). */
import { rowRule } from '../src/engine/define.js';
import { isOtherSpecialty, textKey } from './utils/lookups.js';

export default rowRule({
  id: 'specialty-named-no-local',
  description: { zh: '评审专业名称已选具体专业时，本地评审专业不填', en: 'With a named review specialty, the local specialty stays empty' },
  guide: '三（十二）',
  severity: 'error',
  fields: ['localSpecialty'],
  messages: {
    conflict: {
      zh: '评审专业名称已选“{specialty}”，本地评审专业“{local}”应不填；如证书上的专业是“{local}”而下拉栏中没有，评审专业名称应选“其他”',
      en: 'the review specialty is "{specialty}", so the local specialty "{local}" must be empty; if the certificate says "{local}" and the dropdown lacks it, choose 其他 (other) as the review specialty',
    },
    redundant: {
      zh: '评审专业名称已选“{specialty}”，本地评审专业无需再填写',
      en: 'the review specialty is "{specialty}"; the local specialty need not repeat it',
      severity: 'warning',
    },
  },
  check(record) {
    const specialty = record.v.specialty;
    const local = record.v.localSpecialty;
    if (!specialty || !local || isOtherSpecialty(specialty)) return [];
    const messageId = textKey(specialty) === textKey(local) ? 'redundant' : 'conflict';
    return [{ messageId, field: 'localSpecialty', data: { specialty, local } }];
  },
});
