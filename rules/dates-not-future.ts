/** Neither 发证时间 nor 取得时间 lies after the day of the check (guide 三（十一））; a month-only date by its month. */
import { rowRule, type RuleReport } from '../src/engine/define.js';
import { compareKnown, formatYMD } from '../src/model/dates.js';

export default rowRule({
  id: 'dates-not-future',
  description: { zh: '发证时间、取得时间不晚于今天', en: 'Issue date and date obtained are not in the future' },
  guide: '三（十一）',
  severity: 'error',
  fields: ['issueDate', 'obtainDate'],
  messages: {
    future: { zh: '{header} {date} 晚于今天（{today}），请按批准文件核对', en: 'the {headerEn} {date} is after today ({today}); check the approval document' },
  },
  check(record, ctx) {
    const out: RuleReport[] = [];
    const today = formatYMD(ctx.today);
    for (const [field, header, headerEn] of [['issueDate', '发证时间', 'issue date'], ['obtainDate', '取得时间', 'date obtained']] as const) {
      const date = record[field];
      if (date && (compareKnown(date, ctx.today) ?? 0) > 0) out.push({ messageId: 'future', field, data: { header, headerEn, date: formatYMD(date), today } });
    }
    return out;
  },
});
