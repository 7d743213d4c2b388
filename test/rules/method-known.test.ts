import rule from '../../rules/method-known.js';
import { testRule } from './rule-tester.js';

testRule(rule, {
  valid: [
    ...['评审', '初定', '确认', '考试', '认定', '', '职称考核确定', '来渝确认', '以考代评', '转评'].map((method) => ({ name: method || 'empty means 评审', row: { method } })),
    { name: 'no method column', omit: ['method'] },
  ],
  invalid: [
    { name: '推荐', row: { method: '推荐' }, errors: [{ messageId: 'unknown', field: 'method', severity: 'warning', data: { allowed: '评审 / 初定 / 确认 / 考试 / 认定' } }] },
    { name: 'a number', row: { method: 1 }, errors: [{ messageId: 'unknown', data: { value: '1' } }] },
    { name: 'toString (a name of Object.prototype)', row: { method: 'toString' }, errors: [{ messageId: 'unknown', data: { value: 'toString' } }] },
  ],
});
