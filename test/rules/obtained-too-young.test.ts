import rule from '../../rules/obtained-too-young.js';
import { testRule } from './rule-tester.js';

// GOOD_ROW's ID 500224198001011235 was born 1980-01-01.
testRule(rule, {
  valid: [
    { name: 'adult', row: { obtainDate: '2019-11-15' } },
    { name: 'the 16th birthday', row: { obtainDate: '1996-01-01' } },
    { name: 'no readable birth date', row: { idNumber: '123', birthDate: '', obtainDate: '1990-01-01' } },
    { name: 'the month of the 16th birthday, no day: cannot tell', row: { obtainDate: '1996年1月' } },
  ],
  invalid: [
    { name: 'a day before 16', row: { obtainDate: '1995-12-31' }, errors: [{ messageId: 'young', field: 'obtainDate', severity: 'warning', data: { birth: '1980-01-01', min: 16 } }] },
    { name: 'ID of a child (born 2010)', row: { idNumber: '500224201001010018', birthDate: '2010.01', obtainDate: '2019-11-15' }, errors: [{ messageId: 'young' }] },
    { name: 'bad ID: the 出生年月 column is used', row: { idNumber: '123', birthDate: '1990.06', obtainDate: '2005-01-01' }, errors: [{ messageId: 'young', data: { birth: '1990-06' } }] },
  ],
});
