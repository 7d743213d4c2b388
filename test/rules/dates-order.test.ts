import rule from '../../rules/dates-order.js';
import { testRule } from './rule-tester.js';

// 三（十一）: 取得时间为评委会评审通过的时间, 发证时间为批准文件印发时间: the committee comes first.
testRule(rule, {
  valid: [
    { name: 'obtained before issue', row: { obtainDate: '2019-11-15', issueDate: '2019-12-20' } },
    { name: 'same day (初定)', row: { obtainDate: '2019-12-20', issueDate: '2019-12-20' } },
    { name: 'one date unreadable', row: { obtainDate: '?', issueDate: '2019-12-20' } },
  ],
  invalid: [
    {
      name: 'swapped dates',
      row: { obtainDate: '2019-12-20', issueDate: '2019-11-15' },
      errors: [{ messageId: 'after', field: 'obtainDate', data: { obtain: '2019-12-20', issue: '2019-11-15' } }],
    },
    { name: 'one day after', row: { obtainDate: '2019-12-21', issueDate: '2019-12-20' }, errors: [{ messageId: 'after' }] },
  ],
});
