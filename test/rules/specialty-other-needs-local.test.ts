import rule from '../../rules/specialty-other-needs-local.js';
import { testRule } from './rule-tester.js';

// 三（十二）①: 证书上专业名称是建筑工程，下拉栏中只有建设专业 → 选择“其他”，在“本地评审专业”中手动填写“建筑工程”。
testRule(rule, {
  valid: [
    { name: 'guide ①: 其他 + 建筑工程', row: { specialty: '其他', localSpecialty: '建筑工程' } },
    { name: 'a named specialty needs no local one', row: { specialty: '建设', localSpecialty: '' } },
    { name: 'specialty empty: specialty-required reports', row: { specialty: '', localSpecialty: '' } },
  ],
  invalid: [
    { name: '其他 without local', row: { specialty: '其他', localSpecialty: '' }, errors: [{ messageId: 'missing', field: 'localSpecialty' }] },
    { name: '其它 without local', row: { specialty: '其它', localSpecialty: '' }, errors: [{ messageId: 'missing' }] },
    { name: '其他 without a local column', row: { specialty: '其他' }, omit: ['localSpecialty'], errors: [{ messageId: 'missing' }] },
  ],
});
