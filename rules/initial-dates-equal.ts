/**
 * For 初定 both 取得时间 and 发证时间 are the day the approval was issued (guide 三（十一）②). Only a stated
 * 初定: an inferred one grounds no error. Dates known only to the month cannot be told apart in one month.
 */
import { rowRule } from '../src/engine/define.js';
import { compareKnown, formatYMD } from '../src/model/dates.js';
import { rowMethod } from './utils/committee.js';

export default rowRule({
  id: 'initial-dates-equal',
  description: { zh: '初定的取得时间与发证时间相同（均为批准文件印发时间）', en: 'For 初定, the date obtained equals the issue date' },
  guide: '三（十一）',
  severity: 'error',
  fields: ['obtainDate'],
  messages: {
    differs: {
      zh: '初定取得的职称，取得时间和发证时间均为批准文件印发时间：取得时间应为 {issue}，不是 {obtain}',
      en: 'for a title obtained by 初定 both dates are the day the approval was issued: the date obtained should be {issue}, not {obtain}',
    },
  },
  check(record) {
    const { obtainDate: obtain, issueDate: issue } = record;
    if (rowMethod(record).stated !== '初定' || !obtain || !issue || (compareKnown(obtain, issue) ?? 0) === 0) return [];
    const expected = formatYMD(issue);
    return [{
      messageId: 'differs', field: 'obtainDate', related: ['issueDate', 'method'],
      data: { issue: expected, obtain: formatYMD(obtain) }, ...(issue.d !== null ? { suggestion: expected } : {}),
    }];
  },
});
