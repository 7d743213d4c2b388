import rule from '../../rules/specialty-required.js';
import { testRule } from './rule-tester.js';

// 三（十二）: 下拉栏中已有对应专业名称请直接选择；无对应专业请选择“其他”并在“本地评审专业”中填写。
testRule(rule, {
  valid: [
    { name: 'a dropdown name', row: { specialty: '会计' } },
    { name: '其他 with a local specialty', row: { specialty: '其他', localSpecialty: '建筑工程' } },
    { name: 'no specialty column', omit: ['specialty'] },
  ],
  invalid: [
    { name: 'empty', row: { specialty: '' }, errors: [{ messageId: 'empty', field: 'specialty' }] },
    { name: 'empty with 建筑工程 typed as local', row: { specialty: '', localSpecialty: '建筑工程' }, errors: [{ messageId: 'emptyWithLocal', suggestion: '其他' }] },
  ],
});
