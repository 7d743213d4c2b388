import rule from '../../rules/dates-order.js';
import { testRule } from './rule-tester.js';

// 三（十一）: 取得时间为评委会评审通过的时间, 发证时间为批准文件印发时间: the committee comes first.
testRule(rule, {
  valid: [
    { name: 'obtained before issue', row: { obtainDate: '2019-11-15', issueDate: '2019-12-20' } },
    { name: 'same day (初定)', row: { obtainDate: '2019-12-20', issueDate: '2019-12-20' } },
    { name: 'one date unreadable', row: { obtainDate: '?', issueDate: '2019-12-20' } },
    // A month-only date cannot be ordered within its month.
    { name: 'the same month, the issue date without its day', row: { obtainDate: '2019-12-15', issueDate: '2019年12月' } },
    { name: 'the same month, a hidden day', row: { obtainDate: '2019-12-15', issueDate: new Date(Date.UTC(2019, 11, 1)) }, numFmts: { issueDate: 'yyyy"年"m"月"' } },
  ],
  invalid: [
    {
      name: 'swapped dates',
      row: { obtainDate: '2019-12-20', issueDate: '2019-11-15' },
      errors: [{ messageId: 'after', field: 'obtainDate', data: { obtain: '2019-12-20', issue: '2019-11-15' }, related: ['issueDate'] }],
    },
    { name: 'one day after', row: { obtainDate: '2019-12-21', issueDate: '2019-12-20' }, errors: [{ messageId: 'after' }] },
    { name: 'a month later, the issue date without its day', row: { obtainDate: '2020-01-05', issueDate: '2019年12月' }, errors: [{ messageId: 'after', data: { issue: '2019-12' } }] },
  ],
});
