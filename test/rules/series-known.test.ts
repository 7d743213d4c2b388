import rule from '../../rules/series-known.js';
import { testRule } from './rule-tester.js';

// 三（七）: 请按照评审通过的职称系列选择。Spellings from real sheets and committee names are accepted.
testRule(rule, {
  valid: [
    ...['工程技术', '卫生技术', '中小学教师', '卫生', '中职教师', '技工学校教师', '播音', '体育教练', '社会科学研究', '哲学社会科学研究',
      '卫生技术人员', '工程技术系列', '新闻专业', '实验技术人才', '工程 技术', '畜牧兽医', '文学创作', '党校教师'].map((series) => ({ name: series, row: { series } })),
    { name: 'empty is required-fields\' job', row: { series: '' } },
  ],
  invalid: [
    { name: 'typo 工程技朮', row: { series: '工程技朮' }, errors: [{ messageId: 'unknown', field: 'series', suggestion: '工程技术' }] },
    { name: 'typo 卫生技木', row: { series: '卫生技木' }, errors: [{ messageId: 'unknown', suggestion: '卫生技术' }] },
    { name: 'nothing close', row: { series: 'ABCDEFG' }, errors: [{ messageId: 'unknownNoClosest' }] },
    { name: 'ambiguous 教师: closest names, no guess', row: { series: '教师' }, errors: [{ messageId: 'unknown', data: { value: '教师' } }] },
    // The title belongs to one series only, whose name holds the text: that series first, and the value to choose.
    {
      name: '教师 with 一级教师: the title tells 中小学教师', row: { series: '教师', title: '一级教师' },
      errors: [{ messageId: 'unknown', suggestion: '中小学教师', fix: null, data: { value: '教师', closest: '中小学教师 / 高等学校教师 / 技工院校教师' } }],
    },
    { name: '教师 with 讲师 (three series): no guess', row: { series: '教师', title: '讲师' }, errors: [{ messageId: 'unknown', fix: null }] },
  ],
});
