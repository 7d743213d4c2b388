/** 姓名 has no spaces inside (two-character names are often padded to line up): the platform name has none. */
import { rowRule } from '../src/engine/define.js';

export default rowRule({
  id: 'name-spaces',
  description: { zh: '姓名中不含空格', en: 'The name contains no spaces' },
  guide: '三（一）',
  severity: 'warning',
  fields: ['name'],
  messages: {
    spaces: { zh: '姓名“{value}”中有空格，应与身份证上的姓名一致', en: 'the name "{value}" contains spaces; it must match the name on the ID card' },
    padded: { zh: '姓名“{value}”前后有多余的空格，请删去', en: 'the name "{value}" has spaces before or after it; remove them' },
  },
  check(record) {
    const value = record.v.name;
    if (/[A-Za-z]/.test(value)) return []; // names in Latin letters keep their inner spaces
    if (/[\s\u3000\u00a0]/.test(value)) {
      const joined = value.replace(/[\s\u3000\u00a0]+/g, '');
      return [{ messageId: 'spaces', field: 'name', data: { value }, suggestion: joined, fix: joined }];
    }
    if (record.cells.name?.padded) return [{ messageId: 'padded', field: 'name', data: { value }, suggestion: value, fix: value }];
    return [];
  },
});
