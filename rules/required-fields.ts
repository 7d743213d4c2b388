/** Every field the platform asks for is filled in (guide 二（二）、三). */
import { rowRule } from '../src/engine/define.js';
import type { RuleReport } from '../src/engine/types.js';
import { FIELDS, REQUIRED_FIELDS } from '../src/model/fields.js';

export default rowRule({
  id: 'required-fields',
  description: { zh: '必填项不能为空', en: 'Required fields are filled in' },
  guide: '二（二）',
  severity: 'error',
  fields: [...REQUIRED_FIELDS],
  messages: {
    missing: { zh: '“{header}”未填写', en: '"{header}" is empty' },
  },
  check(record) {
    const out: RuleReport[] = [];
    for (const field of REQUIRED_FIELDS) {
      if (record.v[field]) continue;
      // Photos and attachments may be found by file name (src/assets) when their column is absent.
      if ((field === 'photo' || field === 'attachment') && !record.cells[field]) continue;
      out.push({ messageId: 'missing', field, data: { header: FIELDS[field].header } });
    }
    return out;
  },
});
