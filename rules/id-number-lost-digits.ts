/** An ID typed into a number cell keeps only 15 significant digits: the last ones are gone. */
import { rowRule } from '../src/engine/define.js';
import { legacyTo18, looksLikeLostDigits } from './utils/lookups.js';

export default rowRule({
  id: 'id-number-lost-digits',
  description: { zh: '身份证号不能存成数字（会丢失末几位）', en: 'ID number is not stored as a number (digits lost)' },
  guide: '三（一）',
  severity: 'error',
  fields: ['idNumber'],
  messages: {
    lost: {
      zh: '身份证号存成了数字，Excel 只保留 15 位有效数字，末几位已丢失：请把该单元格设为“文本”格式后按身份证原件重新录入',
      en: 'the ID number was stored as a number; Excel keeps only 15 significant digits, so the last digits are lost: format the cell as Text and type the number again from the ID card',
    },
  },
  check(record) {
    const cell = record.cells.idNumber;
    if (!cell) return [];
    // A 15-digit (old) ID number fits in a number cell whole: id-number suggests its 18-digit form.
    if (cell.kind === 'number' && legacyTo18(cell.text)) return [];
    if (cell.kind === 'number' || looksLikeLostDigits(cell.text)) return [{ messageId: 'lost', field: 'idNumber' }];
    return [];
  },
});
