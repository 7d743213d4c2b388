import rule from '../../rules/required-fields.js';
import { testRule } from './rule-tester.js';

// 二（二）: 准确上传个人照片，登记职称证书的批准文号、职称专业、取得时间、证书编号、评审机构等。
testRule(rule, {
  valid: [
    { name: 'all filled', row: {} },
    { name: 'photo and attachment columns absent: found by file name', omit: ['photo', 'attachment'] },
    { name: 'empty photo and attachment cells: the asset rules own them', row: { photo: '', attachment: '' } },
    { name: 'optional fields empty', row: { certNo: '', localSpecialty: '', method: '', region: '' } },
  ],
  invalid: [
    { name: 'no name', row: { name: '' }, errors: [{ messageId: 'missing', field: 'name', data: { header: '姓名' } }] },
    { name: 'no approval number', row: { approvalNo: '   ' }, errors: [{ messageId: 'missing', field: 'approvalNo' }] },
    {
      name: 'two empty, in field order',
      row: { title: '', committee: '' },
      errors: [{ messageId: 'missing', field: 'title' }, { messageId: 'missing', field: 'committee' }],
    },
    { name: 'committee column absent', omit: ['committee'], errors: [{ messageId: 'missing', field: 'committee', data: { header: '评审机构' } }] },
  ],
});
