import rule from '../../rules/birth-date-matches-id.js';
import { checkCharacter } from '../../src/util/id-number.js';
import { testRule } from './rule-tester.js';

const id = (birth: string, seq = '123'): string => {
  const first17 = `500224${birth}${seq}`;
  return first17 + checkCharacter(first17);
};
/** Born 15 March 1985; born 20 October 1985. */
const MARCH = id('19850315');
const OCTOBER = id('19851020');
const JANUARY = id('19850120');
const date = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

// 三（六）: 出生年月请准确填写，与身份证保持一致。GOOD_ROW's ID holds 1980-01-01.
testRule(rule, {
  valid: [
    { name: '1980.01', row: { birthDate: '1980.01' } },
    { name: '1980-01-01', row: { birthDate: '1980-01-01' } },
    { name: '198001', row: { birthDate: '198001' } },
    { name: '1980年1月', row: { birthDate: '1980年1月' } },
    { name: 'a Date cell', row: { birthDate: new Date(Date.UTC(1980, 0, 1)) } },
    { name: 'no column: nothing to check', row: {}, omit: ['birthDate'] },
    { name: 'a bad ID: nothing to compare', row: { idNumber: '123', birthDate: '1975.05' } },
    // 出生年月 is a year and a month, however the clerk's Excel holds it.
    { name: 'a date cell on the 1st (Excel\'s 1985-03 typed)', row: { idNumber: MARCH, birthDate: date(1985, 3, 1) }, numFmts: { birthDate: 'yyyy-mm-dd' } },
    { name: 'a date cell formatted yyyy"年"m"月"', row: { idNumber: MARCH, birthDate: date(1985, 3, 20) }, numFmts: { birthDate: 'yyyy"年"m"月"' } },
    { name: 'a date cell formatted mmm-yy', row: { idNumber: MARCH, birthDate: date(1985, 3, 7) }, numFmts: { birthDate: 'mmm-yy' } },
    { name: 'a date cell formatted yyyy-mm', row: { idNumber: MARCH, birthDate: date(1985, 3, 9) }, numFmts: { birthDate: 'yyyy-mm' } },
    { name: 'a serial with the zh-CN built-in format 27 (yyyy年m月)', row: { idNumber: MARCH, birthDate: 31116 }, numFmts: { birthDate: 27 } },
    { name: 'a serial with the built-in format 57', row: { idNumber: MARCH, birthDate: 31116 }, numFmts: { birthDate: 57 } },
    { name: 'the full date of the ID', row: { idNumber: MARCH, birthDate: '1985-03-15' } },
    { name: 'text 1985.3', row: { idNumber: MARCH, birthDate: '1985.3' } },
    { name: 'the number 1985.3 is March', row: { idNumber: MARCH, birthDate: 1985.3 } },
    { name: 'the number 1985.03', row: { idNumber: MARCH, birthDate: 1985.03 } },
    { name: 'the number 1985.1 is October when the ID says October', row: { idNumber: OCTOBER, birthDate: 1985.1 } },
    { name: 'the number 1985.1 is January when the ID says January', row: { idNumber: JANUARY, birthDate: 1985.1 } },
    { name: 'CSV text 1985.1 (an exported 1985.10) with an October ID', row: { idNumber: OCTOBER, birthDate: '1985.1' } },
    { name: 'the number 1985.12', row: { idNumber: id('19851201'), birthDate: 1985.12 } },
    { name: '1985年03月', row: { idNumber: MARCH, birthDate: '1985年03月' } },
    { name: '1985/3', row: { idNumber: MARCH, birthDate: '1985/3' } },
  ],
  invalid: [
    { name: 'another year', row: { birthDate: '1981.01' }, errors: [{ messageId: 'mismatch', field: 'birthDate', suggestion: '1980-01', data: { value: '1981-01', expected: '1980-01' }, fix: null }] },
    { name: 'another month', row: { idNumber: MARCH, birthDate: '1985.4' }, errors: [{ messageId: 'mismatch', suggestion: '1985-03' }] },
    { name: 'the number 1985.1 with a March ID', row: { idNumber: MARCH, birthDate: 1985.1 }, errors: [{ messageId: 'mismatch', data: { value: '1985-01' }, suggestion: '1985-03' }] },
    { name: 'a date cell of another month, on the 1st', row: { idNumber: MARCH, birthDate: date(1985, 4, 1) }, errors: [{ messageId: 'mismatch', suggestion: '1985-03' }] },
    { name: 'another day written out: a warning only', row: { birthDate: '1980-01-02' }, errors: [{ messageId: 'dayDiffers', severity: 'warning', data: { value: '1980-01-02', birth: '1980-01-01' } }] },
    { name: 'not a date', row: { birthDate: '八零年' }, errors: [{ messageId: 'unreadable', suggestion: '1980-01' }] },
    { name: 'not a date, bad ID: no suggestion', row: { idNumber: '123', birthDate: '八零年' }, errors: [{ messageId: 'unreadable' }] },
    // 三（六）: 出生年月 is asked for.
    { name: 'empty', row: { birthDate: '' }, errors: [{ messageId: 'empty', field: 'birthDate', severity: 'error', suggestion: '1980-01', fix: null }] },
    { name: 'empty with a bad ID', row: { idNumber: '123', birthDate: '' }, errors: [{ messageId: 'empty' }] },
  ],
});
