import rule from '../../rules/dates-far-apart.js';
import { testRule } from './rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'a month apart', row: { obtainDate: '2019-11-15', issueDate: '2019-12-20' } },
    { name: 'exactly a year', row: { obtainDate: '2018-12-20', issueDate: '2019-12-20' } },
    // 确认: 取得时间 is the original title's date, years before the 确认 document.
    { name: '确认 of a 2008 title in 2022', row: { method: '确认', obtainDate: '2008-11-15', issueDate: '2022-04-08', committee: '重庆市铜梁区职称改革办公室' } },
    { name: 'no method column, an office named, dates years apart (确认)', omit: ['method'], row: { obtainDate: '2008-11-15', issueDate: '2022-04-08', committee: '重庆市铜梁区职称改革办公室' } },
    { name: 'a year and a few days, the later date without its day', row: { obtainDate: '2018-12-10', issueDate: '2019年12月' } },
  ],
  invalid: [
    { name: 'a year and a day', row: { obtainDate: '2018-12-19', issueDate: '2019-12-20' }, errors: [{ messageId: 'apart', field: 'obtainDate', severity: 'warning', related: ['issueDate'] }] },
    { name: 'a stated 评审 with an office still warns', row: { method: '评审', obtainDate: '2008-11-15', issueDate: '2022-04-08', committee: '重庆市铜梁区职称改革办公室' }, errors: [{ messageId: 'apart' }] },
    { name: 'a typo in the year', row: { obtainDate: '2009-11-15', issueDate: '2019-12-20' }, errors: [{ messageId: 'apart' }] },
    { name: 'swapped and far apart', row: { obtainDate: '2021-11-15', issueDate: '2019-12-20' }, errors: [{ messageId: 'apart' }] },
  ],
});
