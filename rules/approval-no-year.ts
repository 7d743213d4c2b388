/** The year of the 批准文号 is the year of 发证时间, the day the approval document was issued (guide 三（四）、三（十一）). */
import { rowRule } from '../src/engine/define.js';
import { parseApprovalNo } from './utils/approval.js';

export default rowRule({
  id: 'approval-no-year',
  description: { zh: '批准文号的年份与发证时间的年份一致', en: 'The approval number\'s year is the issue date\'s year' },
  guide: '三（四）',
  severity: 'warning',
  fields: ['approvalNo', 'issueDate'],
  messages: {
    differs: {
      zh: '批准文号的年份 {year} 与发证时间（批准文件印发时间）的年份 {issueYear} 不同，请按批准文件核对',
      en: 'the approval number\'s year {year} differs from the issue date\'s year {issueYear} (the day the approval was issued); check the approval document',
    },
  },
  check(record) {
    const issue = record.issueDate;
    if (!record.v.approvalNo || !issue) return [];
    const parsed = parseApprovalNo(record.v.approvalNo);
    if (!('value' in parsed) || parsed.value.year === issue.y) return [];
    return [{ messageId: 'differs', field: 'approvalNo', data: { year: parsed.value.year, issueYear: issue.y } }];
  },
});
