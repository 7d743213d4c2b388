import rule from '../../rules/initial-dates-equal.js';
import { testRule } from './rule-tester.js';

// 三（十一）注意②: 初定的取得时间和发证时间均为批准文件印发时间。
testRule(rule, {
  valid: [
    { name: '初定 same day', row: { method: '初定', obtainDate: '2020-06-10', issueDate: '2020-06-10' } },
    { name: '职称考核确定 (初定\'s new name) same day', row: { method: '职称考核确定', obtainDate: '2020-06-10', issueDate: '2020-06-10' } },
    { name: '评审 may differ', row: { method: '评审', obtainDate: '2019-11-15', issueDate: '2019-12-20' } },
    { name: '初定 with an unreadable date', row: { method: '初定', obtainDate: '?', issueDate: '2020-06-10' } },
    // Only a stated 初定 grounds an error: without a method column nothing says it is one.
    { name: 'no method column, an office named, dates differ (确认)', omit: ['method'], row: { committee: '重庆市铜梁区职称改革办公室', obtainDate: '2019-11-15', issueDate: '2019-12-20' } },
    { name: '初定, the same month, one day hidden', row: { method: '初定', obtainDate: '2020-06-10', issueDate: new Date(Date.UTC(2020, 5, 1)) }, numFmts: { issueDate: 'yyyy"年"m"月"' } },
  ],
  invalid: [
    {
      name: '初定 with the review-style dates',
      row: { method: '初定', obtainDate: '2019-11-15', issueDate: '2019-12-20' },
      errors: [{ messageId: 'differs', field: 'obtainDate', suggestion: '2019-12-20', fix: null, related: ['issueDate', 'method'] }],
    },
    { name: '考核确定 differs', row: { method: '考核确定', obtainDate: '2020-06-01', issueDate: '2020-06-10' }, errors: [{ messageId: 'differs', suggestion: '2020-06-10' }] },
  ],
});
