/** A 高级 title is never obtained by 初定: the guide gives 初定 for 中、初级 only (三（十四）2（1））. */
import { rowRule } from '../src/engine/define.js';
import { canonicalLevel, isSenior } from './utils/lookups.js';
import { rowMethod } from './utils/committee.js';

export default rowRule({
  id: 'initial-not-senior',
  description: { zh: '高级职称不能通过初定取得（初定只用于中、初级）', en: 'A senior title is not obtained by initial appointment (初定 is for intermediate and junior titles)' },
  guide: '三（十四）',
  severity: 'error',
  fields: ['method', 'level'],
  messages: {
    senior: {
      zh: '取得方式为初定，但职称级别是“{level}”：初定只用于中、初级职称。请按批准文件核对取得方式（高级职称为评审或确认）和职称级别',
      en: 'obtained by initial appointment (初定), yet the level is "{level}": 初定 is only for intermediate and junior titles. Check how it was obtained (a senior title is reviewed, 评审, or recognised, 确认) and the level against the approval document',
    },
  },
  check(record) {
    const level = canonicalLevel(record.v.level);
    // Only a stated 初定: an inferred one (from 取得时间 = 发证时间) is never the ground of an error.
    if (!isSenior(level) || rowMethod(record).stated !== '初定') return [];
    return [{ messageId: 'senior', field: 'method', related: ['level'], data: { level: level! } }];
  },
});
