/** 评审专业名称 is a name of the platform's dropdown (seeded from the guide; extendable by config). */
import { rowRule } from '../src/engine/define.js';
import { isOtherSpecialty, OTHER_SPECIALTY } from './utils/lookups.js';

export default rowRule({
  id: 'specialty-known',
  description: { zh: '评审专业名称是下拉栏中的名称', en: 'The review specialty is a name of the dropdown' },
  guide: '三（十二）',
  severity: 'info',
  fields: ['specialty'],
  messages: {
    unknown: {
      zh: '评审专业名称“{value}”不在已知的下拉栏专业中（已知：{known}）；请核对下拉栏中是否有与证书完全一致的专业，没有则选“其他”并填写本地评审专业',
      en: 'the review specialty "{value}" is not among the known dropdown names ({known}); check the dropdown offers exactly the certificate\'s specialty, else choose 其他 (other) and fill in the local specialty',
    },
    spelling: { zh: '评审专业名称应选下拉栏中的“{name}”', en: 'choose "{name}" as written in the dropdown' },
  },
  check(record, ctx) {
    const value = record.v.specialty;
    if (!value) return [];
    if (isOtherSpecialty(value)) {
      return value === OTHER_SPECIALTY ? [] : [{ messageId: 'spelling', field: 'specialty', data: { name: OTHER_SPECIALTY }, suggestion: OTHER_SPECIALTY }];
    }
    const guide = ctx.data.guide;
    const name = guide.knownSpecialty(value);
    if (name === value) return [];
    if (name) return [{ messageId: 'spelling', field: 'specialty', data: { name }, suggestion: name }];
    return [{ messageId: 'unknown', field: 'specialty', data: { value, known: guide.specialties.join(' / ') } }];
  },
});
