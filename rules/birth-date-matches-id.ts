/** 出生年月 agrees with the birth date inside the ID number (guide 三（六）). */
import { rowRule } from '../src/engine/define.js';
import { formatYMD } from '../src/model/dates.js';
import { idBirthDate, idProblem } from '../src/util/id-number.js';

export default rowRule({
  id: 'birth-date-matches-id',
  description: { zh: '出生年月与身份证一致', en: 'Date of birth agrees with the ID number' },
  guide: '三（六）',
  severity: 'error',
  fields: ['birthDate'],
  messages: {
    unreadable: { zh: '出生年月“{value}”不是有效日期，应写成如 {expected}', en: 'date of birth "{value}" is not a date; write it like {expected}' },
    mismatch: { zh: '出生年月 {value} 与身份证号中的 {expected} 不一致', en: 'date of birth {value} differs from {expected} in the ID number' },
  },
  check(record) {
    if (record.birthDate === undefined) return [];
    const id = record.v.idNumber;
    const fromId = idProblem(id) === null ? idBirthDate(id) : null;
    const expected = fromId ? formatYMD({ ...fromId, d: null }) : '1980-03';
    if (record.birthDate === null) {
      return [{ messageId: 'unreadable', field: 'birthDate', data: { value: record.v.birthDate, expected }, ...(fromId ? { suggestion: expected } : {}) }];
    }
    if (!fromId) return [];
    const b = record.birthDate;
    const sameDay = b.d === null || b.d === fromId.d;
    if (b.y === fromId.y && b.m === fromId.m && sameDay) return [];
    return [{ messageId: 'mismatch', field: 'birthDate', data: { value: formatYMD(b), expected }, suggestion: expected }];
  },
});
