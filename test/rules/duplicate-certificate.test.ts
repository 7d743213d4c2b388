import rule from '../../rules/duplicate-certificate.js';
import { testRule, type Row } from './rule-tester.js';

const other = { name: '李四', idNumber: '500224198503150024', birthDate: '1985.03', certNo: 'TL20190099' };
/** 经济师 by exam in two specialties (工商管理 2012, 人力资源 2016): two certificates of one title. */
const economist = (y: number, certNo: string, approvalNo = `渝人社发【${y}】8号`): Row => ({
  series: '经济', level: '中级', title: '经济师', method: '考试', committee: '人力资源和社会保障部人事考试中心',
  obtainDate: `${y}-11-05`, issueDate: `${y}-12-20`, approvalNo, certNo,
});

testRule(rule, {
  valid: [
    { name: 'one row', rows: [{}] },
    { name: 'same person, two titles, two numbers', rows: [{ title: '助理工程师', level: '初级（含员级）', certNo: 'TL2015001' }, {}] },
    { name: 'two people with the same title', rows: [{}, other] },
    { name: 'IDs that lost digits are not compared', rows: [{ idNumber: 500224198001011235 }, { idNumber: 500224198001011235 }] },
    { name: 'same person and title, two filled numbers: two certificates', rows: [economist(2012, '1250012'), economist(2016, '1650033')] },
    { name: 'same person and title, two numbers, even the same approval', rows: [economist(2016, '1650032', '渝人社发【2016】8号'), economist(2016, '1650033', '渝人社发【2016】8号')] },
    { name: 'placeholders are no numbers: 无 twice, two people', rows: [{ certNo: '无' }, { ...other, certNo: '无' }] },
  ],
  invalid: [
    { name: 'the same row twice', rows: [{}, {}], errors: [{ messageId: 'sameTitle', field: 'title', row: 3, data: { row: 2, at: 'Sheet1' }, fix: null }] },
    { name: 'three times: both later rows name the first', rows: [{}, other, {}, {}], errors: [{ messageId: 'sameTitle', row: 4, data: { row: 2 } }, { messageId: 'sameTitle', row: 5, data: { row: 2 } }] },
    { name: 'same title, spaces and case in the ID differ', rows: [{ idNumber: '11010519491231002X' }, { idNumber: '110105 19491231002x' }], errors: [{ messageId: 'sameTitle', row: 3 }] },
    { name: 'same certificate number, title written differently', rows: [{}, { title: '工程师（建设）' }], errors: [{ messageId: 'sameCertNo', field: 'certNo', row: 3, data: { row: 2 } }] },
    { name: 'same title, one number left empty, same approval: the same certificate', rows: [{}, { certNo: '' }], errors: [{ messageId: 'sameTitle', severity: 'error' }] },
    { name: 'same title, placeholder 无 and the same approval: the same certificate', rows: [{ certNo: '无' }, { certNo: '无' }], errors: [{ messageId: 'sameTitle' }] },
    // Without numbers (2021 on), another approval or date says two documents: a warning to check, not an error.
    {
      name: 'same title, no numbers, other approvals and dates', rows: [economist(2022, ''), economist(2023, '')],
      errors: [{ messageId: 'sameTitleOtherDocument', field: 'title', severity: 'warning', row: 3, data: { row: 2 } }],
    },
    { name: 'same title, one number empty, another year', rows: [economist(2012, '1250012'), economist(2016, '')], errors: [{ messageId: 'sameTitleOtherDocument', severity: 'warning' }] },
  ],
});
