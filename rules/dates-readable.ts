/** 发证时间 and 取得时间 are dates (guide 三（十一）). */
import { rowRule } from '../src/engine/define.js';
import type { RuleReport } from '../src/engine/types.js';

export default rowRule({
  id: 'dates-readable',
  description: { zh: '发证时间、取得时间是有效日期', en: 'Issue date and date obtained are valid dates' },
  guide: '三（十一）',
  severity: 'error',
  fields: ['issueDate', 'obtainDate'],
  messages: {
    unreadable: {
      zh: '{header}“{value}”不是有效日期，请写成年月日，如 2019-12-20 或 2019年12月20日',
      en: 'the {headerEn} "{value}" is not a valid date; write year, month and day, e.g. 2019-12-20',
    },
  },
  check(record) {
    const out: RuleReport[] = [];
    // undefined = empty (required-fields reports it); null = something that is not a date.
    if (record.issueDate === null) out.push({ messageId: 'unreadable', field: 'issueDate', data: { header: '发证时间', headerEn: 'issue date', value: record.v.issueDate } });
    if (record.obtainDate === null) out.push({ messageId: 'unreadable', field: 'obtainDate', data: { header: '取得时间', headerEn: 'date obtained', value: record.v.obtainDate } });
    return out;
  },
});
