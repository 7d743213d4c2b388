/**
 * 发证时间 and 取得时间 are dates with a day (guide 三（十一））. A text without a day (2019年12月) needs the day
 * from the approval document; a date cell whose number format hides the day (Excel stored the 1st for a
 * typed 2019年12月) is a warning that the day may be missing.
 */
import { rowRule, type RuleReport } from '../src/engine/define.js';
import { formatYMD } from '../src/model/dates.js';

const FIELDS = [
  ['issueDate', '发证时间', 'issue date', '批准文件的印发日期', 'the day the approval document was issued'],
  ['obtainDate', '取得时间', 'date obtained', '评委会评审通过的日期', 'the day the committee passed it'],
] as const;

export default rowRule({
  id: 'dates-readable',
  description: { zh: '发证时间、取得时间是有效日期（年月日）', en: 'Issue date and date obtained are valid dates with a day' },
  guide: '三（十一）',
  severity: 'error',
  fields: ['issueDate', 'obtainDate'],
  messages: {
    unreadable: {
      zh: '{header}“{value}”不是有效日期，请写成年月日，如 2019-12-20 或 2019年12月20日',
      en: 'the {headerEn} "{value}" is not a valid date; write year, month and day, e.g. 2019-12-20',
    },
    noDay: {
      zh: '{header}“{value}”只写到月，平台要填年月日：请按批准文件补上日（{what}）',
      en: 'the {headerEn} "{value}" gives only a month; the platform needs the day: take it from the approval document ({whatEn})',
    },
    dayHidden: {
      zh: '{header}单元格的格式不显示日（显示为 {month}），Excel 存的是该月 1 日，可能不是真正的日期：请按批准文件核对并写出完整日期（{what}）',
      en: 'the {headerEn} cell\'s format shows no day ({month}); Excel stored the 1st, which may not be the real day: check the approval document and write the full date ({whatEn})',
      severity: 'warning',
    },
  },
  check(record) {
    const out: RuleReport[] = [];
    for (const [field, header, headerEn, what, whatEn] of FIELDS) {
      const date = record[field];
      const cell = record.cells[field];
      // undefined = empty (required-fields reports it); null = something that is not a date.
      if (date === null) out.push({ messageId: 'unreadable', field, data: { header, headerEn, value: record.v[field] } });
      else if (date && cell?.monthOnly) out.push({ messageId: 'noDay', field, data: { header, headerEn, value: record.v[field], what, whatEn } });
      else if (date && cell?.dayHidden) out.push({ messageId: 'dayHidden', field, data: { header, headerEn, month: formatYMD(date), what, whatEn } });
    }
    return out;
  },
});
