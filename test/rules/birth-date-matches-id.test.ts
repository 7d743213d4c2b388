import rule from '../../rules/birth-date-matches-id.js';
import { testRule } from './rule-tester.js';

// 三（六）: 出生年月请准确填写，与身份证保持一致。GOOD_ROW's ID holds 1980-01-01.
testRule(rule, {
  valid: [
    { name: '1980.01', row: { birthDate: '1980.01' } },
    { name: '1980-01-01', row: { birthDate: '1980-01-01' } },
    { name: '198001', row: { birthDate: '198001' } },
    { name: '1980年1月', row: { birthDate: '1980年1月' } },
    { name: 'a Date cell', row: { birthDate: new Date(Date.UTC(1980, 0, 1)) } },
    { name: 'empty', row: { birthDate: '' } },
    { name: 'a bad ID: nothing to compare', row: { idNumber: '123', birthDate: '1975.05' } },
  ],
  invalid: [
    { name: 'another year', row: { birthDate: '1981.01' }, errors: [{ messageId: 'mismatch', field: 'birthDate', suggestion: '1980-01', data: { value: '1981-01', expected: '1980-01' } }] },
    { name: 'another day', row: { birthDate: '1980-01-02' }, errors: [{ messageId: 'mismatch', suggestion: '1980-01' }] },
    { name: 'not a date', row: { birthDate: '八零年' }, errors: [{ messageId: 'unreadable', suggestion: '1980-01' }] },
    { name: 'not a date, bad ID: no suggestion', row: { idNumber: '123', birthDate: '八零年' }, errors: [{ messageId: 'unreadable' }] },
  ],
});
