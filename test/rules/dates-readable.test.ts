import rule from '../../rules/dates-readable.js';
import { testRule } from './rule-tester.js';

// 三（十一）: 发证时间 and 取得时间 are days (the approval's issue day; the committee's day).
testRule(rule, {
  valid: [
    { name: 'ISO text', row: { issueDate: '2019-12-20', obtainDate: '2019-11-15' } },
    { name: 'Chinese text', row: { issueDate: '2019年12月20日', obtainDate: '2019.11.15' } },
    { name: 'Date cells', row: { issueDate: new Date(Date.UTC(2019, 11, 20)), obtainDate: new Date(Date.UTC(2019, 10, 15)) } },
    { name: 'a serial with a date format', row: { issueDate: 43819 }, numFmts: { issueDate: 'yyyy-mm-dd' } },
    { name: 'empty is required-fields\' job', row: { issueDate: '', obtainDate: '' } },
  ],
  invalid: [
    { name: 'a month without a day', row: { issueDate: '2019年12月' }, errors: [{ messageId: 'unreadable', field: 'issueDate', data: { value: '2019年12月' } }] },
    { name: 'a day that does not exist', row: { obtainDate: '2019-02-30' }, errors: [{ messageId: 'unreadable', field: 'obtainDate' }] },
    {
      name: 'both unreadable',
      row: { issueDate: '待定', obtainDate: 'abc' },
      errors: [{ messageId: 'unreadable', field: 'issueDate' }, { messageId: 'unreadable', field: 'obtainDate' }],
    },
  ],
});
