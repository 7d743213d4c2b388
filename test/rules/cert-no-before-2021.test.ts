import rule from '../../rules/cert-no-before-2021.js';
import { testRule } from './rule-tester.js';

// 三（十五）: 取得时间在2021年前的，请按照纸质职称证书上的编号准确填写。二（五）: 2021年前已办理纸质证书的，登记原纸质证书编号。
testRule(rule, {
  valid: [
    { name: '2019 with its paper number', row: { obtainDate: '2019-11-15', certNo: 'TL20190012' } },
    { name: '2021 without a number', row: { obtainDate: '2021-01-01', issueDate: '2021-02-01', certNo: '' } },
    { name: 'unreadable date', row: { obtainDate: '?', certNo: '' } },
  ],
  invalid: [
    { name: '2020-12-31 without a number', row: { obtainDate: '2020-12-31', issueDate: '2021-01-10', certNo: '' }, errors: [{ messageId: 'missing', field: 'certNo', data: { year: 2020 } }] },
    { name: 'no certificate-number column', omit: ['certNo'], errors: [{ messageId: 'missing' }] },
  ],
});
