import rule from '../../rules/initial-not-senior.js';
import { testRule } from './rule-tester.js';

const SAME_DAY = { obtainDate: '2020-06-10', issueDate: '2020-06-10' };

// 三（十四）2（1）: 初定、确认（中、初级）……: 初定 is given for 中、初级 titles only.
testRule(rule, {
  valid: [
    { name: '初定 中级', row: { method: '初定', level: '中级', ...SAME_DAY } },
    { name: '初定 初级', row: { method: '初定', level: '初级（含员级）', title: '助理工程师', ...SAME_DAY } },
    { name: '确认 副高', row: { method: '确认', level: '高级（副高）', title: '高级工程师' } },
    { name: '评审 正高', row: { method: '评审', level: '高级（正高）', title: '正高级工程师' } },
    // An inferred 初定 (same day, no method column) never grounds an error.
    { name: 'no method column, 副高, same day', omit: ['method'], row: { level: '高级（副高）', title: '高级工程师', ...SAME_DAY } },
    { name: '初定 with an unknown level (level-value reports)', row: { method: '初定', level: '甲等' } },
  ],
  invalid: [
    { name: '初定 副高', row: { method: '初定', level: '高级（副高）', title: '高级工程师', ...SAME_DAY }, errors: [{ messageId: 'senior', field: 'method', severity: 'error', related: ['level'], fix: null, data: { level: '高级（副高）' } }] },
    { name: '职称考核确定 (初定) 正高', row: { method: '职称考核确定', level: '正高', title: '正高级工程师' }, errors: [{ messageId: 'senior', data: { level: '高级（正高）' } }] },
  ],
});
