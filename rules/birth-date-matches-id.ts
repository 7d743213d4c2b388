/**
 * 出生年月 is filled in and agrees with the birth date inside the ID number (guide 三（六））. It is a year and a
 * month: a date cell on the 1st or formatted without a day, and a text without a day, are compared by year
 * and month; 1980.1 (a number, or a CSV export of one) may be January or October. A written day that differs
 * from the ID's is only a warning: the platform keeps the month.
 */
import { rowRule } from '../src/engine/define.js';
import { formatYMD } from '../src/model/dates.js';
import { idBirthDate, idProblem } from './utils/lookups.js';

export default rowRule({
  id: 'birth-date-matches-id',
  description: { zh: '出生年月已填写且与身份证一致', en: 'Date of birth is filled in and agrees with the ID number' },
  guide: '三（六）',
  severity: 'error',
  fields: ['birthDate'],
  messages: {
    empty: { zh: '出生年月未填写，请按身份证填写{hint}', en: 'the date of birth is empty; fill it in from the ID card{hintEn}' },
    unreadable: { zh: '出生年月“{value}”不是有效日期，应写成如 {expected}', en: 'date of birth "{value}" is not a date; write it like {expected}' },
    mismatch: { zh: '出生年月 {value} 与身份证号中的 {expected} 不一致', en: 'date of birth {value} differs from {expected} in the ID number' },
    dayDiffers: {
      zh: '出生年月写的日期 {value} 与身份证号中的 {birth} 日不同（年月一致）；平台只填年月，请核对',
      en: 'the date of birth {value} has another day than {birth} in the ID number (year and month agree); the platform keeps year and month, but check it',
      severity: 'warning',
    },
  },
  check(record) {
    const cell = record.cells.birthDate;
    const id = record.v.idNumber.toUpperCase();
    const fromId = idProblem(id) === null ? idBirthDate(id) : null;
    const expected = fromId ? formatYMD({ ...fromId, d: null }) : '1980-03';
    if (record.birthDate === undefined) {
      // A sheet without the column gives nothing to check (the platform's form asks for it).
      if (!cell) return [];
      return [{ messageId: 'empty', field: 'birthDate', data: { hint: fromId ? `（${expected}）` : '', hintEn: fromId ? ` (${expected})` : '' }, ...(fromId ? { suggestion: expected } : {}) }];
    }
    if (record.birthDate === null) {
      return [{ messageId: 'unreadable', field: 'birthDate', data: { value: record.v.birthDate, expected }, ...(fromId ? { suggestion: expected } : {}) }];
    }
    if (!fromId) return [];
    const b = record.birthDate;
    if (b.y !== fromId.y || b.m !== fromId.m) {
      return [{ messageId: 'mismatch', field: 'birthDate', data: { value: formatYMD(b), expected }, suggestion: expected }];
    }
    if (b.d !== null && b.d !== fromId.d) {
      return [{ messageId: 'dayDiffers', field: 'birthDate', data: { value: formatYMD(b), birth: formatYMD(fromId) } }];
    }
    return [];
  },
});
