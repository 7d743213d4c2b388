import rule from '../../rules/region-by-level.js';
import { testRule } from './rule-tester.js';

// 三（五）: 高级职称请选择“重庆市”，中、初级职称请选择“铜梁区”。
testRule(rule, {
  valid: [
    { name: '中级 铜梁区', row: { level: '中级', region: '铜梁区' } },
    { name: '初级 铜梁区', row: { level: '初级（含员级）', region: '铜梁区' } },
    { name: '正高 重庆市', row: { level: '高级（正高）', region: '重庆市' } },
    { name: '副高 重庆市', row: { level: '高级（副高）', region: '重庆市' } },
    { name: 'no region column: left to the form', row: { level: '高级（副高）' }, omit: ['region'] },
    { name: 'unknown level: level-value reports', row: { level: '甲等', region: '重庆市' } },
    // A dropdown: today's platform value, whatever the certificate's year.
    { name: 'a 1995 中级 row with 铜梁区', row: { level: '中级', region: '铜梁区', issueDate: '1995-12-20', obtainDate: '1995-11-15', approvalNo: '铜职改办【1995】12号' } },
  ],
  invalid: [
    { name: '高级 with 铜梁区', row: { level: '高级（副高）', region: '铜梁区' }, errors: [{ messageId: 'wrong', field: 'region', suggestion: '重庆市', fix: '重庆市', from: ['level'] }] },
    { name: 'level variant 副高 still senior', row: { level: '副高', region: '铜梁区' }, errors: [{ messageId: 'wrong', suggestion: '重庆市', fix: '重庆市', from: ['level'] }] },
    { name: '中级 with 重庆市', row: { level: '中级', region: '重庆市' }, errors: [{ messageId: 'wrong', suggestion: '铜梁区', fix: '铜梁区', from: ['level'] }] },
    { name: '初级 with 重庆市铜梁区', row: { level: '初级（含员级）', region: '重庆市铜梁区' }, errors: [{ messageId: 'wrong', suggestion: '铜梁区', fix: '铜梁区', from: ['level'] }] },
    { name: '高级 with 重庆', row: { level: '高级（正高）', region: '重庆' }, errors: [{ messageId: 'wrong', suggestion: '重庆市', fix: '重庆市', from: ['level'] }] },
    { name: 'a 2005 row with the old name 铜梁县: the dropdown has 铜梁区', row: { level: '中级', region: '铜梁县', issueDate: '2005-12-20', obtainDate: '2005-11-15' }, errors: [{ messageId: 'wrong', suggestion: '铜梁区', fix: '铜梁区', from: ['level'] }] },
    { name: '中级 empty', row: { level: '中级', region: '' }, errors: [{ messageId: 'empty', suggestion: '铜梁区', fix: '铜梁区', from: ['level'] }] },
  ],
});
