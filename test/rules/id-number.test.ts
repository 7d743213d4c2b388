import rule from '../../rules/id-number.js';
import { testRule } from './rule-tester.js';

// GB 11643-1999; worked examples from reference/README.md.
testRule(rule, {
  valid: [
    { name: 'GOOD_ROW', row: {} },
    { name: '11010519491231002X', row: { idNumber: '11010519491231002X' } },
    // GB 11643 allows 18xx births; the reference's worked example is born in 1880.
    { name: '440524188001010014 (born 1880)', row: { idNumber: '440524188001010014' } },
    { name: 'old area code 500224 (铜梁县) is fine', row: { idNumber: '500224198503150024' } },
    { name: 'lower-case x is id-number-lowercase-x\'s job', row: { idNumber: '11010519491231002x' } },
    { name: 'empty is required-fields\' job', row: { idNumber: '' } },
    { name: 'a number cell is id-number-lost-digits\' job', row: { idNumber: 500224198001011235 } },
  ],
  invalid: [
    { name: '17 digits', row: { idNumber: '50022419800101123' }, errors: [{ messageId: 'length', field: 'idNumber', data: { length: 17 } }] },
    { name: 'a letter inside', row: { idNumber: '50022419800101123A' }, errors: [{ messageId: 'chars' }] },
    { name: 'province 99', row: { idNumber: '990224198001011235' }, errors: [{ messageId: 'province', data: { code: '99' } }] },
    { name: 'month 13', row: { idNumber: '500224198013011235' }, errors: [{ messageId: 'birth', data: { date: '19801301' } }] },
    { name: 'birth date 1799 is before any ID', row: { idNumber: '440524179901010014' }, errors: [{ messageId: 'birth', data: { date: '17990101' } }] },
    { name: 'wrong check character', row: { idNumber: '500224198001011234' }, errors: [{ messageId: 'checksum', data: { expected: '5' } }] },
    // A 15-digit ID of before 1999: the 18-digit form by GB 11643 (19 inserted, check character computed), as a suggestion.
    { name: 'a 15-digit legacy ID', row: { idNumber: '500224800101123' }, errors: [{ messageId: 'legacy', field: 'idNumber', suggestion: '500224198001011235', fix: null, data: { id18: '500224198001011235' } }] },
    { name: 'a 15-digit legacy ID in a number cell', row: { idNumber: 500224800101123 }, errors: [{ messageId: 'legacy', suggestion: '500224198001011235' }] },
    { name: 'the reference\'s worked example as 15 digits', row: { idNumber: '110105491231002' }, errors: [{ messageId: 'legacy', suggestion: '11010519491231002X' }] },
    { name: 'spaces inside a right ID', row: { idNumber: '500224 19800101 1235' }, errors: [{ messageId: 'spaces', field: 'idNumber', data: { id: '500224198001011235' }, suggestion: '500224198001011235', fix: '500224198001011235' }] },
    { name: 'an ideographic space and a lower-case x', row: { idNumber: '110105\u300019491231002x' }, errors: [{ messageId: 'spaces', suggestion: '11010519491231002X', fix: '11010519491231002X' }] },
    { name: 'spaces inside a wrong ID: the problem of its digits', row: { idNumber: '500224 19800101 1234' }, errors: [{ messageId: 'checksum', data: { expected: '5' }, fix: null }] },
    { name: 'an export of a number cell (three zeros, wrong check character)', row: { idNumber: '500224198011110000' }, errors: [{ messageId: 'lostDigits', field: 'idNumber', suggestion: null, fix: null }] },
    { name: '15 digits that are no ID (month 13)', row: { idNumber: '500224801301123' }, errors: [{ messageId: 'length', data: { length: 15 } }] },
  ],
});
