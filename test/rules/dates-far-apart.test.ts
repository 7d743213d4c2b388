import rule from '../../rules/dates-far-apart.js';
import { testRule } from './rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'a month apart', row: { obtainDate: '2019-11-15', issueDate: '2019-12-20' } },
    { name: 'exactly a year', row: { obtainDate: '2018-12-20', issueDate: '2019-12-20' } },
  ],
  invalid: [
    { name: 'a year and a day', row: { obtainDate: '2018-12-19', issueDate: '2019-12-20' }, errors: [{ messageId: 'apart', field: 'obtainDate', severity: 'warning' }] },
    { name: 'a typo in the year', row: { obtainDate: '2009-11-15', issueDate: '2019-12-20' }, errors: [{ messageId: 'apart' }] },
    { name: 'swapped and far apart', row: { obtainDate: '2021-11-15', issueDate: '2019-12-20' }, errors: [{ messageId: 'apart' }] },
  ],
});
