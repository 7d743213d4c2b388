/** 评审活动是否设置评审专业 is 是 (guide 三（十）). */
import { rowRule } from '../src/engine/define.js';

export default rowRule({
  id: 'has-specialty-yes',
  description: { zh: '“评审活动是否设置评审专业”选“是”', en: '"Review has specialties" is 是' },
  guide: '三（十）',
  severity: 'error',
  fields: ['hasSpecialty'],
  messages: {
    wrong: { zh: '“评审活动是否设置评审专业”应选“是”，不是“{value}”', en: '"review has specialties" must be 是 (yes), not "{value}"' },
    empty: { zh: '“评审活动是否设置评审专业”未填写，应选“是”', en: '"review has specialties" is empty; it must be 是 (yes)' },
  },
  check(record) {
    if (!record.cells.hasSpecialty) return [];
    const value = record.v.hasSpecialty;
    if (value === '是') return [];
    return [{ messageId: value ? 'wrong' : 'empty', field: 'hasSpecialty', data: { value }, suggestion: '是' }];
  },
});
