/** 批准文号 writes its year in 【】 (guide 三（四）1); official documents print 〔〕, which the platform refuses. */
import { rowRule } from '../src/engine/define.js';

/** Bracket pairs clerks use around the year instead of 【】. */
const WRONG_PAIRS: readonly [string, string][] = [
  ['〔', '〕'], ['〖', '〗'], ['〘', '〙'], ['﹝', '﹞'], ['［', '］'], ['（', '）'], ['(', ')'], ['[', ']'], ['{', '}'], ['「', '」'], ['《', '》'],
];
const OPEN = WRONG_PAIRS.map(([o]) => `\\${o}`).join('');
const CLOSE = WRONG_PAIRS.map(([, c]) => `\\${c}`).join('');
/** A year (possibly with stray spaces) between any opening and closing bracket, right or wrong. */
const YEAR_IN_BRACKETS = new RegExp(`[${OPEN}【]\\s*(\\d{4})\\s*[${CLOSE}】]`);

/** The approval number with the year's brackets made 【】, or null when nothing needs changing. */
export function fixApprovalBrackets(text: string): string | null {
  const m = YEAR_IN_BRACKETS.exec(text);
  if (!m) return null;
  const fixed = text.slice(0, m.index) + `【${m[1]}】` + text.slice(m.index + m[0].length);
  return fixed === text ? null : fixed;
}

export default rowRule({
  id: 'approval-no-brackets',
  description: { zh: '批准文号的年份用【】括起', en: 'The approval number puts its year in 【】' },
  guide: '三（四）',
  severity: 'error',
  fields: ['approvalNo'],
  messages: {
    brackets: { zh: '批准文号的年份应写在【】中，不能用 {found}', en: 'the year of the approval number must be in 【】, not {found}' },
  },
  check(record) {
    const text = record.v.approvalNo;
    if (!text) return [];
    const fixed = fixApprovalBrackets(text);
    if (!fixed) return [];
    const m = YEAR_IN_BRACKETS.exec(text)!;
    const found = `${m[0][0]}${m[0][m[0].length - 1]}`;
    return [{ messageId: 'brackets', field: 'approvalNo', data: { found }, suggestion: fixed, fix: fixed }];
  },
});
