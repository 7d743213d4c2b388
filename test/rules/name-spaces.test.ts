import rule from '../../rules/name-spaces.js';
import { testRule } from './rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'plain', row: { name: '张三' } },
    { name: 'middle dot', row: { name: '买买提·艾力' } },
    { name: 'Latin name keeps its space', row: { name: 'John Smith' } },
  ],
  invalid: [
    { name: 'padded two-character name', row: { name: '张  三' }, errors: [{ messageId: 'spaces', field: 'name', severity: 'warning', suggestion: '张三' }] },
    { name: 'outer spaces (the record holds the name trimmed)', row: { name: ' 张三 ' }, errors: [{ messageId: 'padded', field: 'name', suggestion: '张三' }] },
    { name: 'full-width space', row: { name: '欧阳\u3000娜娜' }, errors: [{ messageId: 'spaces', suggestion: '欧阳娜娜' }] },
  ],
});
