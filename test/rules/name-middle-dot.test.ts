import rule from '../../rules/name-middle-dot.js';
import { testRule } from './rule-tester.js';

// 三（一）: the name as on the ID card, whose transliterated names join their parts with “·”.
testRule(rule, {
  valid: [
    { name: 'plain', row: { name: '张三' } },
    { name: 'the middle dot', row: { name: '阿依古丽·买买提' } },
    { name: 'a Latin name with a full stop', row: { name: 'J. Smith' } },
    { name: 'empty', row: { name: '' } },
  ],
  invalid: [
    ...['.', '．', '•', '・', '･', '。'].map((dot) => ({
      name: `“${dot}” instead of the middle dot`, row: { name: `阿依古丽${dot}买买提` },
      errors: [{ messageId: 'dot', field: 'name' as const, severity: 'warning' as const, data: { dot, suggestion: '阿依古丽·买买提' }, suggestion: '阿依古丽·买买提', fix: null }],
    })),
    { name: 'several parts, spaces around the dots', row: { name: '买买提 . 艾力•吐尔逊' }, errors: [{ messageId: 'dot', suggestion: '买买提·艾力·吐尔逊' }] },
  ],
});
