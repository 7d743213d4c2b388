import rule from '../../rules/cert-no-one-person.js';
import { testRule, type Row } from './rule-tester.js';

const other = { name: '李四', idNumber: '500224198503150024', birthDate: '1985.03' };
const third = { name: '王五', idNumber: '500224197705120036', birthDate: '1977.05' };
/** An old paper certificate: a short serial, an issuer and a year. */
const old = (certNo: string, issuer: string, y: number): Row => ({ certNo, approvalNo: `${issuer}【${y}】3号`, obtainDate: `${y}-06-01`, issueDate: `${y}-09-01` });

testRule(rule, {
  valid: [
    { name: 'different numbers', rows: [{}, { ...other, certNo: 'TL20190099' }] },
    { name: 'same person, same number (duplicate-certificate\'s job)', rows: [{}, {}] },
    { name: 'empty numbers', rows: [{ certNo: '' }, { ...other, certNo: '' }] },
    // 无, /, -, 暂无 are no numbers: two people writing 无 share nothing.
    ...['无', '/', '-', '暂无', '空'].map((certNo) => ({ name: `the placeholder "${certNo}" for two people`, rows: [{ certNo }, { ...other, certNo }] })),
  ],
  invalid: [
    { name: 'two people, one number', rows: [{}, other], errors: [{ messageId: 'shared', field: 'certNo', severity: 'error', row: 3, data: { row: 2, certNo: 'TL20190012' } }] },
    { name: 'width and case folded', rows: [{ certNo: 'tl20190012' }, { ...other, certNo: 'ＴＬ20190012' }], errors: [{ messageId: 'shared', row: 3 }] },
    // Short serials restarted by each issuer, year by year.
    {
      name: 'the same short serial, another issuer and year: a warning', rows: [old('0012', '铜职改办', 1995), { ...other, ...old('0012', '渝职改办', 1998) }],
      errors: [{ messageId: 'sharedShort', field: 'certNo', severity: 'warning', row: 3, data: { row: 2, certNo: '0012' } }],
    },
    { name: 'the same short serial, same issuer, another year: a warning', rows: [old('0012', '铜职改办', 1995), { ...other, ...old('0012', '铜职改办', 1996) }], errors: [{ messageId: 'sharedShort', severity: 'warning' }] },
    { name: 'the same short serial, the sheet cannot tell the issuer: a warning', rows: [{ ...old('0012', '铜职改办', 1995), approvalNo: '' }, { ...other, ...old('0012', '铜职改办', 1995), approvalNo: '' }], errors: [{ messageId: 'sharedShort' }] },
    { name: 'the same short serial, same issuer and year: an error', rows: [old('0012', '铜职改办', 1995), { ...other, ...old('0012', '铜职改办', 1995) }], errors: [{ messageId: 'shared', severity: 'error' }] },
    {
      name: 'three people: each later row names the first', rows: [old('12', '铜职改办', 1990), { ...other, ...old('12', '铜职改办', 1990) }, { ...third, ...old('12', '渝职改办', 1993) }],
      errors: [{ messageId: 'shared', row: 3, data: { row: 2 } }, { messageId: 'sharedShort', row: 4, data: { row: 2 } }],
    },
  ],
});
