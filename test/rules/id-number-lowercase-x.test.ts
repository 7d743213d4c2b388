import rule from '../../rules/id-number-lowercase-x.js';
import { testRule } from './rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'upper-case X', row: { idNumber: '11010519491231002X' } },
    { name: 'digits', row: { idNumber: '500224198001011235' } },
  ],
  invalid: [
    { name: 'lower-case x', row: { idNumber: '11010519491231002x' }, errors: [{ messageId: 'lower', field: 'idNumber', severity: 'warning', suggestion: '11010519491231002X', fix: '11010519491231002X' }] },
  ],
});
