/** The check character X is written upper case. */
import { rowRule } from '../src/engine/define.js';
import { idProblem } from './utils/lookups.js';

export default rowRule({
  id: 'id-number-lowercase-x',
  description: { zh: '身份证号末位 X 应大写', en: 'The final X of an ID number is upper case' },
  guide: '三（一）',
  severity: 'warning',
  fields: ['idNumber'],
  messages: {
    lower: { zh: '身份证号末位的 x 应为大写 X', en: 'the final x of the ID number should be an upper-case X' },
  },
  check(record) {
    const id = record.v.idNumber;
    // Only an ID that is right but for the case: with a wrong check character id-number asks for the card,
    // and upper-casing would be a fix of a cell that is itself in doubt.
    if (/^\d{17}x$/.test(id) && idProblem(id) === null) return [{ messageId: 'lower', field: 'idNumber', suggestion: id.toUpperCase(), fix: id.toUpperCase() }];
    return [];
  },
});
