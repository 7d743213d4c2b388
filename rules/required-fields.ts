/** Every field the platform asks for is filled in (guide 二（二）、三). */
import { rowRule, type RuleReport } from '../src/engine/define.js';
import { FIELDS, REQUIRED_FIELDS } from '../src/model/fields.js';

export default rowRule({
  id: 'required-fields',
  description: { zh: '必填项不能为空', en: 'Required fields are filled in' },
  guide: '二（二）',
  severity: 'error',
  fields: REQUIRED_FIELDS.filter((f) => f !== 'photo' && f !== 'attachment'),
  messages: {
    missing: { zh: '“{header}”未填写', en: '"{header}" is empty' },
  },
  check(record) {
    const out: RuleReport[] = [];
    for (const field of REQUIRED_FIELDS) {
      if (record.v[field]) continue;
      // An empty photo or attachment cell is not a problem when a file named by the ID is found: the
      // asset rules (photo-file, attachment-file) own those two fields.
      if (field === 'photo' || field === 'attachment') continue;
      out.push({ messageId: 'missing', field, data: { header: FIELDS[field].header } });
    }
    return out;
  },
});
