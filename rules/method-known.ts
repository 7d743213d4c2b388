/** 取得方式 is 评审, 初定, 确认, 考试 or 认定 (or a usual synonym); empty means 评审 (guide 三（十四）). */
import { rowRule } from '../src/engine/define.js';
import { canonicalMethod, METHODS } from './utils/lookups.js';

export default rowRule({
  id: 'method-known',
  description: { zh: '取得方式为评审、初定、确认、考试或认定', en: 'How obtained is 评审, 初定, 确认, 考试 or 认定' },
  guide: '三（十四）',
  severity: 'warning',
  fields: ['method'],
  messages: {
    unknown: {
      zh: '取得方式“{value}”无法识别，应为 {allowed} 之一；本行按评审机构一栏推断取得方式',
      en: 'how obtained "{value}" is not recognised; it should be one of {allowed}. The row\'s method is inferred from its committee',
    },
  },
  check(record) {
    const value = record.v.method;
    if (canonicalMethod(value)) return [];
    return [{ messageId: 'unknown', field: 'method', data: { value, allowed: METHODS.join(' / ') } }];
  },
});
