import rule from '../../rules/level-value.js';
import { testRule } from './rule-tester.js';

// 三（八）: 职称等级分为高级（正高）、高级（副高）、中级、初级（含员级）。
testRule(rule, {
  valid: [
    { name: '高级（正高）', row: { level: '高级（正高）', title: '正高级工程师' } },
    { name: '高级（副高）', row: { level: '高级（副高）', title: '高级工程师' } },
    { name: '中级', row: { level: '中级' } },
    { name: '初级（含员级）', row: { level: '初级（含员级）', title: '助理工程师' } },
    { name: 'empty is required-fields\' job', row: { level: '' } },
  ],
  invalid: [
    { name: '正高级', row: { level: '正高级' }, errors: [{ messageId: 'variant', field: 'level', suggestion: '高级（正高）', fix: '高级（正高）' }] },
    { name: '副高', row: { level: '副高' }, errors: [{ messageId: 'variant', suggestion: '高级（副高）', fix: '高级（副高）' }] },
    // Only the form differs: the right choice spelt otherwise, a warning with the certain fix.
    { name: 'half-width brackets', row: { level: '高级(副高)' }, errors: [{ messageId: 'form', severity: 'warning', suggestion: '高级（副高）', fix: '高级（副高）' }] },
    { name: 'full-width space inside', row: { level: '高级\u3000（正高）' }, errors: [{ messageId: 'form', severity: 'warning', suggestion: '高级（正高）', fix: '高级（正高）' }] },
    { name: '助理级', row: { level: '助理级' }, errors: [{ messageId: 'variant', suggestion: '初级（含员级）', fix: '初级（含员级）' }] },
    { name: '员级', row: { level: '员级' }, errors: [{ messageId: 'variant', suggestion: '初级（含员级）', fix: '初级（含员级）' }] },
    { name: '初级', row: { level: '初级' }, errors: [{ messageId: 'variant', suggestion: '初级（含员级）', fix: '初级（含员级）' }] },
    { name: '中级职称', row: { level: '中级职称' }, errors: [{ messageId: 'variant', data: { value: '中级职称', expected: '中级' }, suggestion: '中级', fix: '中级' }] },
    {
      name: 'bare 高级 with 高级工程师: the title tells 副高',
      row: { level: '高级', title: '高级工程师' },
      errors: [{ messageId: 'unknown', suggestion: '高级（副高）', data: { allowed: '高级（正高） / 高级（副高） / 中级 / 初级（含员级）' } }],
    },
    { name: 'bare 高级 with a 中级 title: no guess', row: { level: '高级', title: '工程师' }, errors: [{ messageId: 'unknown' }] },
    { name: 'nonsense with an unknown title', row: { level: '甲等', title: '总工' }, errors: [{ messageId: 'unknown' }] },
    // Words that are names of Object.prototype are text like any other (a plain-object lookup once crashed the rule).
    { name: 'valueOf', row: { level: 'valueOf', title: '总工' }, errors: [{ messageId: 'unknown' }] },
    { name: 'constructor', row: { level: 'constructor', title: '总工' }, errors: [{ messageId: 'unknown' }] },
    { name: 'nonsense with 助理研究员 in 自然科学研究', row: { level: '甲等', series: '自然科学研究', title: '助理研究员' }, errors: [{ messageId: 'unknown', suggestion: '中级' }] },
  ],
});
