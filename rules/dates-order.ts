/**
 * 取得时间 (the committee passed) is not after 发证时间 (the approval was issued) (guide 三（十一））. Dates known
 * only to the month are compared by month: in the same month the order cannot be told.
 */
import { rowRule } from '../src/engine/define.js';
import { compareKnown, formatYMD } from '../src/model/dates.js';

export default rowRule({
  id: 'dates-order',
  description: { zh: '取得时间不晚于发证时间', en: 'The date obtained is not after the issue date' },
  guide: '三（十一）',
  severity: 'error',
  fields: ['obtainDate', 'issueDate'],
  messages: {
    after: {
      zh: '取得时间 {obtain}（评委会评审通过的时间）晚于发证时间 {issue}（批准文件印发时间），两者可能填反了',
      en: 'the date obtained {obtain} (when the committee passed it) is after the issue date {issue} (when the approval was issued); the two may be swapped',
    },
  },
  check(record) {
    const { obtainDate: obtain, issueDate: issue } = record;
    if (!obtain || !issue || (compareKnown(obtain, issue) ?? 0) <= 0) return [];
    return [{ messageId: 'after', field: 'obtainDate', related: ['issueDate'], data: { obtain: formatYMD(obtain), issue: formatYMD(issue) } }];
  },
});
