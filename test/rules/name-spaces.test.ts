import rule from '../../rules/name-spaces.js';
import { testRule } from './rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'plain', row: { name: '张三' } },
    { name: 'middle dot', row: { name: '买买提·艾力' } },
    { name: 'a long transliterated name', row: { name: '阿依古丽·买买提' } },
    { name: 'Latin name keeps its space', row: { name: 'John Smith' } },
  ],
  invalid: [
    { name: 'padded two-character name', row: { name: '张  三' }, errors: [{ messageId: 'spaces', field: 'name', severity: 'warning', suggestion: '张三', fix: '张三' }] },
    { name: 'outer spaces (the record holds the name trimmed)', row: { name: ' 张三 ' }, errors: [{ messageId: 'padded', field: 'name', suggestion: '张三', fix: '张三' }] },
    { name: 'full-width space', row: { name: '欧阳\u3000娜娜' }, errors: [{ messageId: 'spaces', suggestion: '欧阳娜娜', fix: '欧阳娜娜' }] },
    { name: 'spaces around a middle dot are removed, the dot kept', row: { name: '阿依古丽 · 买买提' }, errors: [{ messageId: 'spaces', suggestion: '阿依古丽·买买提', fix: '阿依古丽·买买提' }] },
    // A space between two longer runs stands for the middle dot: suggested, never applied.
    {
      name: 'a space where a transliterated name has its dot', row: { name: '阿依古丽 买买提' },
      errors: [{ messageId: 'dot', suggestion: '阿依古丽·买买提', fix: null, data: { value: '阿依古丽 买买提', suggestion: '阿依古丽·买买提' } }],
    },
    { name: 'three parts', row: { name: '买买提 艾力 吐尔逊' }, errors: [{ messageId: 'dot', suggestion: '买买提·艾力·吐尔逊', fix: null }] },
    { name: 'spaces around a full stop: the dot is suggested, not fixed', row: { name: '阿依古丽 . 买买提' }, errors: [{ messageId: 'spaces', suggestion: '阿依古丽·买买提', fix: null }] },
  ],
});
