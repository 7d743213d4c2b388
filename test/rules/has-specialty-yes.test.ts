import rule from '../../rules/has-specialty-yes.js';
import { testRule } from './rule-tester.js';

// 三（十）: 评审活动是否设置评审专业：选择“是”。
testRule(rule, {
  valid: [
    { name: '是', row: { hasSpecialty: '是' } },
    { name: 'no column', omit: ['hasSpecialty'] },
  ],
  invalid: [
    { name: '否', row: { hasSpecialty: '否' }, errors: [{ messageId: 'wrong', field: 'hasSpecialty', suggestion: '是', data: { value: '否' } }] },
    { name: 'Y', row: { hasSpecialty: 'Y' }, errors: [{ messageId: 'wrong', suggestion: '是' }] },
    { name: 'empty', row: { hasSpecialty: '' }, errors: [{ messageId: 'empty', suggestion: '是' }] },
  ],
});
