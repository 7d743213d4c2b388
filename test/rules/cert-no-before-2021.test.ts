import rule from '../../rules/cert-no-before-2021.js';
import { testRule } from './rule-tester.js';

// 三（十五）: 取得时间在2021年前的，请按照纸质职称证书上的编号准确填写。
testRule(rule, {
  valid: [
    { name: '2019 with a number', row: {} },
    { name: 'an old short serial of 1987', row: { obtainDate: '1987-06-01', issueDate: '1987-09-01', certNo: '0012' } },
    { name: '2021: no number needed', row: { obtainDate: '2021-03-01', certNo: '' } },
    { name: 'no date obtained: nothing to compare', row: { obtainDate: '', certNo: '' } },
  ],
  invalid: [
    { name: 'empty', row: { certNo: '' }, errors: [{ messageId: 'missing', field: 'certNo', data: { year: 2019 }, related: ['obtainDate'] }] },
    ...['无', '/', '-', '—', '空', '暂无', '无编号', ' / '].map((certNo) => ({
      name: `the placeholder "${certNo}" is no number`, row: { certNo },
      errors: [{ messageId: 'placeholder', field: 'certNo' as const, data: { year: 2019, value: certNo.trim() }, fix: null }],
    })),
  ],
});
