import rule from '../../rules/specialty-named-no-local.js';
import { testRule } from './rule-tester.js';

// 三（十二）②: 评审专业是会计，下拉栏中有会计专业，直接选择即可，不需要再填写“本地评审专业”。
testRule(rule, {
  valid: [
    { name: 'guide ②: 会计 alone', row: { specialty: '会计', localSpecialty: '' } },
    { name: 'guide ①: 其他 + 建筑工程', row: { specialty: '其他', localSpecialty: '建筑工程' } },
    { name: 'both empty', row: { specialty: '', localSpecialty: '' } },
  ],
  invalid: [
    {
      name: 'guide ①: 建设 chosen for a 建筑工程 certificate',
      row: { specialty: '建设', localSpecialty: '建筑工程' },
      errors: [{ messageId: 'conflict', field: 'localSpecialty', severity: 'error', data: { specialty: '建设', local: '建筑工程' } }],
    },
    { name: 'guide ②: 会计 repeated as local', row: { specialty: '会计', localSpecialty: '会计' }, errors: [{ messageId: 'redundant', severity: 'warning' }] },
  ],
});
