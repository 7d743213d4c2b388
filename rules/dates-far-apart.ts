/**
 * 取得时间 and 发证时间 more than a year apart are probably a typo (guide 三（十一））. Not for 确认 (stated, or
 * inferred from an office): its 取得时间 is the original title's date, years before the 确认 document.
 */
import { rowRule } from '../src/engine/define.js';
import { addYears, compareKnown, compareYMD, formatYMD } from '../src/model/dates.js';
import { rowMethod } from './utils/committee.js';

export default rowRule({
  id: 'dates-far-apart',
  description: { zh: '取得时间与发证时间相差不超过一年（确认除外）', en: 'The date obtained and the issue date are at most a year apart (except for 确认)' },
  guide: '三（十一）',
  severity: 'warning',
  fields: ['obtainDate', 'issueDate'],
  messages: {
    apart: {
      zh: '取得时间 {obtain} 与发证时间 {issue} 相差一年以上，通常批准文件在评审通过后不久印发，请核对',
      en: 'the date obtained {obtain} and the issue date {issue} are more than a year apart; the approval usually follows the committee soon, please check',
    },
  },
  check(record) {
    const { obtainDate: obtain, issueDate: issue } = record;
    if (!obtain || !issue || rowMethod(record).method === '确认') return [];
    const [early, late] = compareYMD(obtain, issue) <= 0 ? [obtain, issue] : [issue, obtain];
    if ((compareKnown(late, addYears(early, 1)) ?? 0) <= 0) return [];
    return [{ messageId: 'apart', field: 'obtainDate', related: ['issueDate'], data: { obtain: formatYMD(obtain), issue: formatYMD(issue) } }];
  },
});
