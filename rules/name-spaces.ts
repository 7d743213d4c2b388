/**
 * 姓名 has no spaces inside (two-character names are often padded to line up): the platform name has none.
 * A space between two longer runs of Chinese characters (买买提 艾力) more likely stands for the middle dot
 * of a transliterated name: that is suggested, never applied (name-middle-dot).
 */
import { rowRule } from '../src/engine/define.js';
import { hasWrongDot, MIDDLE_DOT, withMiddleDots } from './utils/names.js';

const SPACES = /[\s\u3000\u00a0]+/g;
const HAN_RUN = /^[\u3400-\u9fff\uf900-\ufaff]+$/;

/** Runs of Chinese characters separated by spaces, long enough to be the parts of a transliterated name. */
function spaceForDot(value: string): boolean {
  const runs = value.split(SPACES).filter(Boolean);
  if (runs.length < 2 || !runs.every((r) => HAN_RUN.test(r) && r.length >= 2)) return false;
  return runs.join('').length >= 5;
}

export default rowRule({
  id: 'name-spaces',
  description: { zh: '姓名中不含空格', en: 'The name contains no spaces' },
  guide: '三（一）',
  severity: 'warning',
  fields: ['name'],
  messages: {
    spaces: { zh: '姓名“{value}”中有空格，应与身份证上的姓名一致', en: 'the name "{value}" contains spaces; it must match the name on the ID card' },
    padded: { zh: '姓名“{value}”前后有多余的空格，请删去', en: 'the name "{value}" has spaces before or after it; remove them' },
    dot: {
      zh: '姓名“{value}”中有空格；如是少数民族姓名，各部分之间应为间隔号“·”，如“{suggestion}”，请与身份证核对',
      en: 'the name "{value}" contains spaces; if it is a transliterated name, its parts are joined by the middle dot "·", e.g. "{suggestion}": check the ID card',
    },
  },
  check(record) {
    const value = record.v.name;
    if (/[A-Za-z]/.test(value)) return []; // names in Latin letters keep their inner spaces
    if (/[\s\u3000\u00a0]/.test(value)) {
      if (spaceForDot(value)) {
        const dotted = value.split(SPACES).filter(Boolean).join(MIDDLE_DOT);
        return [{ messageId: 'dot', field: 'name', data: { value, suggestion: dotted }, suggestion: dotted }];
      }
      const joined = value.replace(SPACES, '');
      // A wrong dot stays for name-middle-dot to suggest; only a name that is then right is fixed.
      if (hasWrongDot(joined)) return [{ messageId: 'spaces', field: 'name', data: { value }, suggestion: withMiddleDots(joined) }];
      return [{ messageId: 'spaces', field: 'name', data: { value }, suggestion: joined, fix: joined }];
    }
    if (record.cells.name?.padded) return [{ messageId: 'padded', field: 'name', data: { value }, suggestion: value, fix: value }];
    return [];
  },
});
