/**
 * 批准文号 writes its year in 【】 (guide 三（四）1); official documents print 〔〕, which the platform refuses.
 * An old number with a two-digit year (某区职改办(98)9号) is told the four-digit form as a suggestion only: the
 * century is read, not copied.
 */
import { rowRule } from '../src/engine/define.js';
import { expandShortYear, fixApprovalBrackets, YEAR_IN_BRACKETS } from './utils/approval.js';


export default rowRule({
  id: 'approval-no-brackets',
  description: { zh: '批准文号的年份用【】括起', en: 'The approval number puts its year in 【】' },
  guide: '三（四）',
  severity: 'error',
  fields: ['approvalNo'],
  messages: {
    brackets: { zh: '批准文号的年份应写在【】中，不能用 {found}', en: 'the year of the approval number must be in 【】, not {found}' },
    shortYear: {
      zh: '批准文号的年份应写成四位数并放在【】中：“{value}”应写作“{suggestion}”，请与批准文件核对年份',
      en: 'the year of the approval number is written with four digits in 【】: "{value}" reads "{suggestion}"; check the year against the approval document',
    },
  },
  check(record) {
    const text = record.v.approvalNo;
    if (!text) return [];
    const fixed = fixApprovalBrackets(text);
    if (fixed) {
      const m = YEAR_IN_BRACKETS.exec(text)!;
      const found = `${m[0][0]}${m[0][m[0].length - 1]}`;
      return [{ messageId: 'brackets', field: 'approvalNo', data: { found }, suggestion: fixed, fix: fixed }];
    }
    const long = expandShortYear(text.normalize('NFKC').replace(/[\s\u3000]+/g, ''));
    if (long) return [{ messageId: 'shortYear', field: 'approvalNo', data: { value: text, suggestion: long }, suggestion: long }];
    return [];
  },
});
