import rule from '../../rules/approval-no-year.js';
import { testRule } from './rule-tester.js';

// 三（十一）: 发证时间为批准文件印发时间 — so the 文号's year is the 发证时间's year.
testRule(rule, {
  valid: [
    { name: 'same year', row: { approvalNo: '渝职改办【2019】125号', issueDate: '2019-12-20' } },
    { name: 'unparsed number: approval-no-format reports', row: { approvalNo: '渝职改办125号' } },
    { name: 'unreadable issue date: dates-readable reports', row: { issueDate: '去年' } },
  ],
  invalid: [
    {
      name: 'year differs from 发证时间',
      row: { approvalNo: '渝职改办【2018】125号', issueDate: '2019-12-20' },
      errors: [{ messageId: 'differs', field: 'approvalNo', severity: 'warning', data: { year: 2018, issueYear: 2019 } }],
    },
    { name: 'with 〔〕 brackets', row: { approvalNo: '铜职改办〔2020〕3号', issueDate: '2019-12-20' }, errors: [{ messageId: 'differs', data: { year: 2020 } }] },
  ],
});
