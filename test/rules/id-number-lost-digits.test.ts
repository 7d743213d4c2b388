import rule from '../../rules/id-number-lost-digits.js';
import { testRule } from './rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'text', row: { idNumber: '500224198001011235' } },
    { name: 'empty', row: { idNumber: '' } },
    { name: 'a 15-digit legacy ID keeps its digits in a number cell (id-number suggests the 18-digit form)', row: { idNumber: 500224800101123 } },
  ],
  invalid: [
    { name: 'a number cell', row: { idNumber: 500224198001011235 }, errors: [{ messageId: 'lost', field: 'idNumber' }] },
    { name: 'exponent text 5.00224E+17', row: { idNumber: '5.00224E+17' }, errors: [{ messageId: 'lost' }] },
  ],
});
