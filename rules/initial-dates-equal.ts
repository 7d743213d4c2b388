/** For 初定 both 取得时间 and 发证时间 are the day the approval was issued (guide 三（十一）②). */
import { rowRule } from '../src/engine/define.js';
import { canonicalMethod } from '../src/data/methods.js';
import { compareYMD, formatYMD } from '../src/model/dates.js';

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
    if (canonicalMethod(record.v.method) !== '初定' || !obtain || !issue || compareYMD(obtain, issue) === 0) return [];
    const expected = formatYMD(issue);
    return [{ messageId: 'differs', field: 'obtainDate', data: { issue: expected, obtain: formatYMD(obtain) }, suggestion: expected }];
  },
});
