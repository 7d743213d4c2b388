import rule from '../../rules/dates-not-future.js';
import { testRule } from './rule-tester.js';

// The tests' today is 2026-11-27 (testContext).
testRule(rule, {
  valid: [
    { name: 'past dates', row: { obtainDate: '2019-11-15', issueDate: '2019-12-20' } },
    { name: 'today', row: { obtainDate: '2026-11-27', issueDate: '2026-11-27' } },
    { name: 'this month without a day', row: { obtainDate: '2026-11-27', issueDate: '2026年11月' } },
  ],
  invalid: [
    { name: 'next month without a day', row: { issueDate: '2026年12月' }, errors: [{ messageId: 'future', field: 'issueDate', data: { date: '2026-12' } }] },
    { name: 'issue date tomorrow', row: { issueDate: '2026-11-28' }, errors: [{ messageId: 'future', field: 'issueDate', data: { date: '2026-11-28', today: '2026-11-27' } }] },
    {
      name: 'both in the future',
      row: { obtainDate: '2029-01-01', issueDate: '2029-02-01' },
      errors: [{ messageId: 'future', field: 'issueDate' }, { messageId: 'future', field: 'obtainDate' }],
    },
  ],
});
