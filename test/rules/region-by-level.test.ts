import rule from '../../rules/region-by-level.js';
import { testRule } from './rule-tester.js';

// A senior row whose title and committee agree with its level.
const SENIOR = { title: '高级工程师', committee: '重庆市工程技术建设专业副高级职称评审委员会' };
const FULL = { title: '正高级工程师', committee: '重庆市工程技术正高级职称评审委员会' };
const JUNIOR = { title: '助理工程师', committee: '重庆市工程技术中级职务铜梁区评审委员会' };

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
    { name: '高级 with 铜梁区', row: { ...SENIOR, level: '高级（副高）', region: '铜梁区' }, errors: [{ messageId: 'wrong', field: 'region', suggestion: '重庆市', fix: '重庆市', from: ['level'] }] },
    { name: 'level variant 副高 still senior', row: { ...SENIOR, level: '副高', region: '铜梁区' }, errors: [{ messageId: 'wrong', suggestion: '重庆市', fix: '重庆市', from: ['level'] }] },
    { name: '中级 with 重庆市', row: { level: '中级', region: '重庆市' }, errors: [{ messageId: 'wrong', suggestion: '铜梁区', fix: '铜梁区', from: ['level'] }] },
    { name: '初级 with 重庆市铜梁区', row: { ...JUNIOR, level: '初级（含员级）', region: '重庆市铜梁区' }, errors: [{ messageId: 'wrong', suggestion: '铜梁区', fix: '铜梁区', from: ['level'] }] },
    { name: '高级 with 重庆', row: { ...FULL, level: '高级（正高）', region: '重庆' }, errors: [{ messageId: 'wrong', suggestion: '重庆市', fix: '重庆市', from: ['level'] }] },
    { name: 'a 2005 row with the old name 铜梁县: the dropdown has 铜梁区', row: { level: '中级', region: '铜梁县', issueDate: '2005-12-20', obtainDate: '2005-11-15' }, errors: [{ messageId: 'wrong', suggestion: '铜梁区', fix: '铜梁区', from: ['level'] }] },
    // The title and the committee say 中级: the level may be the wrong cell, so no error, no fix and no
    // suggestion here — the 建议修改 column would otherwise offer 重庆市 for a cell that is right if the level is
    // wrong (title-series-level reports the contradiction).
    {
      name: 'level contested by the title and the committee',
      row: { level: '高级（副高）', title: '小学高级教师', series: '中小学教师', committee: '重庆市中小学教师中级职务铜梁县评审委员会', region: '铜梁区' },
      errors: [{ messageId: 'contested', severity: 'warning', related: ['level'], data: { by: '职称名称、评审机构' } }],
    },
    { name: 'level contested by the committee alone', row: { ...SENIOR, level: '中级', region: '重庆市' }, errors: [{ messageId: 'contested', severity: 'warning', data: { by: '职称名称、评审机构' } }] },
    { name: '中级 empty', row: { level: '中级', region: '' }, errors: [{ messageId: 'empty', suggestion: '铜梁区', fix: '铜梁区', from: ['level'] }] },
  ],
});
