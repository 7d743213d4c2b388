/** 身份证号: 18 characters, a real province, a real birth date, the right check character. */
import { rowRule } from '../src/engine/define.js';
import { checkCharacter, idProblem, legacyTo18, looksLikeLostDigits } from './utils/lookups.js';

export default rowRule({
  id: 'id-number',
  description: { zh: '身份证号格式与校验位正确', en: 'ID number is well formed with a valid check character' },
  guide: '三（一）',
  severity: 'error',
  fields: ['idNumber'],
  messages: {
    length: { zh: '身份证号应为 18 位，这里是 {length} 位', en: 'the ID number should have 18 characters, it has {length}' },
    legacy: {
      zh: '这是 15 位的旧身份证号，平台使用 18 位号码：按国家标准应为 {id18}，请与本人现在的身份证核对后填写',
      en: 'this is an old 15-digit ID number; the platform uses the 18-digit one, by the national standard {id18}: check it against the holder\'s current ID card',
    },
    chars: { zh: '身份证号只能是 17 位数字加 1 位数字或 X', en: 'the ID number must be 17 digits followed by a digit or X' },
    province: { zh: '身份证号前两位 {code} 不是有效的省级行政区代码', en: 'the first two digits {code} are not a province code' },
    birth: { zh: '身份证号中的出生日期 {date} 不存在', en: 'the birth date {date} inside the ID number does not exist' },
    spaces: {
      zh: '身份证号中间有空格，平台不接受；去掉空格应为 {id}',
      en: 'the ID number has spaces inside, which the platform does not accept; without them it is {id}',
    },
    lostDigits: {
      zh: '身份证号末三位是 000 且校验位不对：很可能曾存成数字、末几位已丢失（如从 Excel 导出时）；请把单元格设为“文本”格式后按身份证原件重新录入',
      en: 'the ID number ends in 000 and its check character is wrong: it was probably stored as a number and lost its last digits (e.g. in an export from Excel); format the cell as Text and type it again from the ID card',
    },
    checksum: {
      zh: '身份证号校验位不对（按前 17 位应为 {expected}），请核对是否有数字录错',
      en: 'the check character is wrong (the first 17 digits give {expected}); a digit was probably mistyped',
    },
  },
  check(record) {
    const cell = record.cells.idNumber;
    const id = record.v.idNumber.replace(/\s+/g, '');
    // A 15-digit ID keeps all its digits even in a number cell.
    const id18 = legacyTo18(id);
    if (cell && id18) return [{ messageId: 'legacy', field: 'idNumber', data: { id18 }, suggestion: id18 }];
    // Empty cells belong to required-fields; digits lost in a number cell to id-number-lost-digits.
    if (!cell || !id || cell.kind === 'number' || looksLikeLostDigits(id)) return [];
    const problem = idProblem(id);
    switch (problem) {
      case null:
        // Spaces inside (500224 19800101 1235): the digits are right, the platform still refuses them.
        return /\s/.test(record.v.idNumber)
          ? [{ messageId: 'spaces', field: 'idNumber', data: { id: id.toUpperCase() }, suggestion: id.toUpperCase(), fix: id.toUpperCase() }]
          : [];
      case 'length':
        return [{ messageId: 'length', field: 'idNumber', data: { length: id.length } }];
      case 'province':
        return [{ messageId: 'province', field: 'idNumber', data: { code: id.slice(0, 2) } }];
      case 'birth':
        return [{ messageId: 'birth', field: 'idNumber', data: { date: id.slice(6, 14) } }];
      case 'checksum':
        // 15 significant digits and three zeros: the text of a number cell (a CSV export, a copy from a number column).
        if (id.endsWith('000')) return [{ messageId: 'lostDigits', field: 'idNumber' }];
        return [{ messageId: 'checksum', field: 'idNumber', data: { expected: checkCharacter(id) } }];
      default:
        return [{ messageId: problem, field: 'idNumber' }];
    }
  },
});
