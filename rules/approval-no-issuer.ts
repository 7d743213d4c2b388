/** A 高级 title is approved by the city (渝职改办…), not by a district or 片区 office (guide 三（四）2). */
import { rowRule } from '../src/engine/define.js';
import { canonicalLevel, isSenior } from './utils/lookups.js';
import { parseApprovalNo } from './utils/approval.js';

export default rowRule({
  id: 'approval-no-issuer',
  description: { zh: '高级职称的批准文号为重庆市职改办文件（渝职改办…）', en: 'A senior title carries the city office\'s approval (渝职改办…)' },
  guide: '三（四）',
  severity: 'warning',
  fields: ['approvalNo'],
  messages: {
    notCity: {
      zh: '高级职称以重庆市职改办批准文件为准，批准文号应如“渝职改办【{year}】XX号”，这里是{kind}的“{issuer}”',
      en: 'a senior title is approved by the city office: the number should read like 渝职改办【{year}】XX号, not the {kindEn} issuer "{issuer}"',
    },
  },
  check(record, ctx) {
    if (!isSenior(canonicalLevel(record.v.level)) || !record.v.approvalNo) return [];
    const parsed = parseApprovalNo(record.v.approvalNo);
    if (!('value' in parsed)) return [];
    const kind = ctx.data.guide.issuerKind(parsed.value.issuer);
    // Unknown issuers (other provinces for 确认, new names) are not reported.
    if (kind !== 'district' && kind !== 'area') return [];
    return [{
      messageId: 'notCity', field: 'approvalNo',
      data: { issuer: parsed.value.issuer, year: parsed.value.year, kind: kind === 'district' ? '区县职改办' : '片区职改办', kindEn: kind === 'district' ? 'district' : 'area (片区)' },
    }];
  },
});
