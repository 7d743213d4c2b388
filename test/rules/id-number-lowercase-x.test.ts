import rule from '../../rules/id-number-lowercase-x.js';
import { testRule } from './rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'upper-case X', row: { idNumber: '11010519491231002X' } },
    { name: 'digits', row: { idNumber: '500224198001011235' } },
    // The check character should be 3: id-number asks for the ID card; upper-casing would fix a cell in doubt.
    { name: 'lower-case x where the check character is wrong', row: { idNumber: '50022419800405013x' } },
  ],
  invalid: [
    { name: 'lower-case x', row: { idNumber: '11010519491231002x' }, errors: [{ messageId: 'lower', field: 'idNumber', severity: 'warning', suggestion: '11010519491231002X', fix: '11010519491231002X' }] },
  ],
});
