/** A 本地评审专业 the dropdown already offers should be chosen there directly (guide 三（十二）②). */
import { rowRule } from '../src/engine/define.js';
import { isOtherSpecialty } from './utils/lookups.js';

export default rowRule({
  id: 'specialty-local-in-dropdown',
  description: { zh: '下拉栏中已有的专业应直接选择，不填本地评审专业', en: 'A specialty the dropdown offers is chosen directly, not typed as local' },
  guide: '三（十二）',
  severity: 'warning',
  fields: ['specialty', 'localSpecialty'],
  messages: {
    inDropdown: {
      zh: '本地评审专业“{local}”在“评审专业名称”下拉栏中已有，请直接选择“{name}”，本地评审专业不填',
      en: 'the dropdown of review specialties already offers "{name}": choose it directly and leave the local specialty "{local}" empty',
    },
  },
  check(record, ctx) {
    const local = record.v.localSpecialty;
    if (!local || !isOtherSpecialty(record.v.specialty)) return [];
    const name = ctx.data.guide.knownSpecialty(local);
    if (!name) return [];
    return [{ messageId: 'inDropdown', field: 'specialty', data: { local, name }, suggestion: name }];
  },
});
