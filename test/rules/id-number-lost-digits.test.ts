import rule from '../../rules/id-number-lost-digits.js';
import { testRule } from './rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'text', row: { idNumber: '500224198001011235' } },
    { name: 'empty', row: { idNumber: '' } },
  ],
  invalid: [
    { name: 'a number cell', row: { idNumber: 500224198001011235 }, errors: [{ messageId: 'lost', field: 'idNumber' }] },
    { name: 'exponent text 5.00224E+17', row: { idNumber: '5.00224E+17' }, errors: [{ messageId: 'lost' }] },
  ],
});
