import rule from '../../rules/cert-no-one-person.js';
import { testRule } from './rule-tester.js';

const other = { name: '李四', idNumber: '500224198503150024', birthDate: '1985.03' };

testRule(rule, {
  valid: [
    { name: 'different numbers', rows: [{}, { ...other, certNo: 'TL20190099' }] },
    { name: 'same person, same number (duplicate-certificate\'s job)', rows: [{}, {}] },
    { name: 'empty numbers', rows: [{ certNo: '' }, { ...other, certNo: '' }] },
  ],
  invalid: [
    { name: 'two people, one number', rows: [{}, other], errors: [{ messageId: 'shared', field: 'certNo', row: 3, data: { row: 2, certNo: 'TL20190012' } }] },
    { name: 'width and case folded', rows: [{ certNo: 'tl20190012' }, { ...other, certNo: 'ＴＬ20190012' }], errors: [{ messageId: 'shared', row: 3 }] },
  ],
});
