/**
 * A title obtained before 2021 is registered with its paper certificate's number (guide 三（十五）、二（五））.
 * A placeholder (无, /, -, 空, 暂无) is no number.
 */
import { rowRule } from '../src/engine/define.js';
import { isPlaceholder } from '../src/model/cell.js';

export default rowRule({
  id: 'cert-no-before-2021',
  description: { zh: '2021年前取得的职称须填写纸质证书编号', en: 'A title obtained before 2021 gives its paper certificate number' },
  guide: '三（十五）',
  severity: 'error',
  fields: ['certNo'],
  messages: {
    missing: {
      zh: '取得时间在2021年前（{year}年），须按纸质职称证书上的编号填写证书编号',
      en: 'the title was obtained before 2021 ({year}): give the number printed on the paper certificate',
    },
    placeholder: {
      zh: '取得时间在2021年前（{year}年），证书编号不能填“{value}”，须按纸质职称证书上的编号填写',
      en: 'the title was obtained before 2021 ({year}): "{value}" is no number; give the number printed on the paper certificate',
    },
  },
  check(record) {
    const obtain = record.obtainDate;
    if (!obtain || obtain.y >= 2021) return [];
    const value = record.v.certNo;
    if (!value) return [{ messageId: 'missing', field: 'certNo', related: ['obtainDate'], data: { year: obtain.y } }];
    if (isPlaceholder(value)) return [{ messageId: 'placeholder', field: 'certNo', related: ['obtainDate'], data: { year: obtain.y, value } }];
    return [];
  },
});
