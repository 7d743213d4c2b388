/**
 * The parts of a transliterated (minority or foreign) name are joined by the middle dot “·” (U+00B7), as on the
 * ID card (阿依古丽·买买提). A full stop or a bullet typed instead is a warning with the dotted name as
 * suggestion; never a fix: only the ID card can say.
 */
import { rowRule } from '../src/engine/define.js';
import { MIDDLE_DOT, WRONG_DOTS } from './utils/names.js';

const CJK = '[\\u3400-\\u9fff\\uf900-\\ufaff]';
const WRONG_DOT = new RegExp(`${CJK}\\s*${WRONG_DOTS}\\s*${CJK}`);

export default rowRule({
  id: 'name-middle-dot',
  description: { zh: '少数民族等译名的各部分用间隔号“·”分隔', en: 'The parts of a transliterated name are joined by the middle dot "·"' },
  guide: '三（一）',
  severity: 'warning',
  fields: ['name'],
  messages: {
    dot: {
      zh: '姓名“{value}”中的“{dot}”应为间隔号“·”，即“{suggestion}”，请与身份证核对',
      en: 'the "{dot}" in the name "{value}" should be the middle dot "·": "{suggestion}"; check the ID card',
    },
  },
  check(record) {
    const value = record.v.name;
    const m = WRONG_DOT.exec(value);
    if (!m) return [];
    const suggestion = value.replace(new RegExp(`(?<=${CJK})\\s*${WRONG_DOTS}\\s*(?=${CJK})`, 'g'), MIDDLE_DOT);
    const dot = new RegExp(WRONG_DOTS).exec(m[0])![0];
    return [{ messageId: 'dot', field: 'name', data: { value, dot, suggestion }, suggestion }];
  },
});
