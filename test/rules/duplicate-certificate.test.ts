import rule from '../../rules/duplicate-certificate.js';
import { testRule } from './rule-tester.js';

const other = { name: '李四', idNumber: '500224198503150024', birthDate: '1985.03', certNo: 'TL20190099' };

testRule(rule, {
  valid: [
    { name: 'one row', rows: [{}] },
    { name: 'same person, two titles, two numbers', rows: [{ title: '助理工程师', level: '初级（含员级）', certNo: 'TL2015001' }, {}] },
    { name: 'two people with the same title', rows: [{}, other] },
    { name: 'IDs that lost digits are not compared', rows: [{ idNumber: 500224198001011235 }, { idNumber: 500224198001011235 }] },
  ],
  invalid: [
    { name: 'the same row twice', rows: [{}, {}], errors: [{ messageId: 'sameTitle', field: 'title', row: 3, data: { row: 2, at: 'Sheet1' } }] },
    { name: 'three times: both later rows name the first', rows: [{}, other, {}, {}], errors: [{ messageId: 'sameTitle', row: 4, data: { row: 2 } }, { messageId: 'sameTitle', row: 5, data: { row: 2 } }] },
    { name: 'same title, spaces and case in the ID differ', rows: [{ idNumber: '11010519491231002X' }, { idNumber: '110105 19491231002x' }], errors: [{ messageId: 'sameTitle', row: 3 }] },
    { name: 'same certificate number, title written differently', rows: [{}, { title: '工程师（建设）' }], errors: [{ messageId: 'sameCertNo', field: 'certNo', row: 3, data: { row: 2 } }] },
  ],
});
