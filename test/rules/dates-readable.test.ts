import rule from '../../rules/dates-readable.js';
import { testRule } from './rule-tester.js';

const date = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

// 三（十一）: 发证时间 and 取得时间 are days (the approval's issue day; the committee's day).
testRule(rule, {
  valid: [
    { name: 'ISO text', row: { issueDate: '2019-12-20', obtainDate: '2019-11-15' } },
    { name: 'Chinese text', row: { issueDate: '2019年12月20日', obtainDate: '2019.11.15' } },
    { name: 'Date cells', row: { issueDate: new Date(Date.UTC(2019, 11, 20)), obtainDate: new Date(Date.UTC(2019, 10, 15)) } },
    { name: 'a serial with a date format', row: { issueDate: 43819 }, numFmts: { issueDate: 'yyyy-mm-dd' } },
    { name: 'a serial with the zh-CN built-in 31 (yyyy年m月d日)', row: { issueDate: 43819 }, numFmts: { issueDate: 31 } },
    { name: 'a date cell formatted yyyy"年"m"月"d"日"', row: { issueDate: date(2019, 12, 20) }, numFmts: { issueDate: 'yyyy"年"m"月"d"日"' } },
    { name: 'old dates of 1987', row: { issueDate: '1987.09.01', obtainDate: '1987年6月1日' } },
    { name: 'empty is required-fields\' job', row: { issueDate: '', obtainDate: '' } },
  ],
  invalid: [
    { name: 'a month without a day', row: { issueDate: '2019年12月' }, errors: [{ messageId: 'noDay', field: 'issueDate', severity: 'error', data: { value: '2019年12月' }, fix: null }] },
    { name: '2019.12 as text', row: { obtainDate: '2019.12' }, errors: [{ messageId: 'noDay', field: 'obtainDate' }] },
    // Excel stored the 1st for a typed 2019年12月: the format hides the day.
    {
      name: 'a date cell formatted yyyy"年"m"月"', row: { issueDate: date(2019, 12, 1) }, numFmts: { issueDate: 'yyyy"年"m"月"' },
      errors: [{ messageId: 'dayHidden', field: 'issueDate', severity: 'warning', data: { month: '2019-12' } }],
    },
    { name: 'a serial with the zh-CN built-in 27 (yyyy年m月)', row: { obtainDate: 43800 }, numFmts: { obtainDate: 27 }, errors: [{ messageId: 'dayHidden', field: 'obtainDate' }] },
    { name: 'a date cell formatted mmm-yy', row: { issueDate: date(2019, 12, 1) }, numFmts: { issueDate: 'mmm-yy' }, errors: [{ messageId: 'dayHidden' }] },
    { name: 'a day that does not exist', row: { obtainDate: '2019-02-30' }, errors: [{ messageId: 'unreadable', field: 'obtainDate' }] },
    {
      name: 'both unreadable',
      row: { issueDate: '待定', obtainDate: 'abc' },
      errors: [{ messageId: 'unreadable', field: 'issueDate' }, { messageId: 'unreadable', field: 'obtainDate' }],
    },
  ],
});
