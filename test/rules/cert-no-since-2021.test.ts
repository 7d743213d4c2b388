import rule from '../../rules/cert-no-since-2021.js';
import { testRule } from './rule-tester.js';

// 二（五）: 取得时间年份选择2021年，则无需填写证书编号……将由系统自动生成电子证书编号。
testRule(rule, {
  valid: [
    // A placeholder already says "no number": nothing to clear.
    { name: '2022 with the placeholder 无', row: { obtainDate: '2022-05-01', certNo: '无' } },
    { name: '2021 with the placeholder 暂无', row: { obtainDate: '2021-05-01', certNo: '暂无' } },
    { name: '2021 empty', row: { obtainDate: '2021-03-01', certNo: '' } },
    { name: '2020 with its paper number', row: { obtainDate: '2020-06-01', certNo: 'TL2020001' } },
    { name: '1987 with its paper number', row: { obtainDate: '1987-06-01', issueDate: '1987-09-01', certNo: '0012' } },
  ],
  invalid: [
    {
      name: '2021 with a number', row: { obtainDate: '2021-03-01', certNo: 'TL2021001' },
      errors: [{ messageId: 'notNeeded', field: 'certNo', severity: 'warning', data: { year: 2021, value: 'TL2021001' }, fix: '', from: ['obtainDate'] }],
    },
    { name: '2024 with a number', row: { obtainDate: '2024-05-01', certNo: '2024-15' }, errors: [{ messageId: 'notNeeded', fix: '' }] },
  ],
});
