/** 身份证号: 18 characters, a real province, a real birth date, the right check character. */
import { rowRule } from '../src/engine/define.js';
import { checkCharacter, idProblem, looksLikeLostDigits } from '../src/util/id-number.js';

export default rowRule({
  id: 'id-number',
  description: { zh: '身份证号格式与校验位正确', en: 'ID number is well formed with a valid check character' },
  guide: '三（一）',
  severity: 'error',
  fields: ['idNumber'],
  messages: {
    length: { zh: '身份证号应为 18 位，这里是 {length} 位', en: 'the ID number should have 18 characters, it has {length}' },
    chars: { zh: '身份证号只能是 17 位数字加 1 位数字或 X', en: 'the ID number must be 17 digits followed by a digit or X' },
    province: { zh: '身份证号前两位 {code} 不是有效的省级行政区代码', en: 'the first two digits {code} are not a province code' },
    birth: { zh: '身份证号中的出生日期 {date} 不存在', en: 'the birth date {date} inside the ID number does not exist' },
    checksum: {
      zh: '身份证号校验位不对（按前 17 位应为 {expected}），请核对是否有数字录错',
      en: 'the check character is wrong (the first 17 digits give {expected}); a digit was probably mistyped',
    },
  },
  check(record) {
    const cell = record.cells.idNumber;
    const id = record.v.idNumber.replace(/\s+/g, '');
    // Empty cells belong to required-fields; digits lost in a number cell to id-number-lost-digits.
    if (!cell || !id || cell.kind === 'number' || looksLikeLostDigits(id)) return [];
    const problem = idProblem(id);
    switch (problem) {
      case null:
        return [];
      case 'length':
        return [{ messageId: 'length', field: 'idNumber', data: { length: id.length } }];
      case 'province':
        return [{ messageId: 'province', field: 'idNumber', data: { code: id.slice(0, 2) } }];
      case 'birth':
        return [{ messageId: 'birth', field: 'idNumber', data: { date: id.slice(6, 14) } }];
      case 'checksum':
        return [{ messageId: 'checksum', field: 'idNumber', data: { expected: checkCharacter(id) } }];
      default:
        return [{ messageId: problem, field: 'idNumber' }];
    }
  },
});
