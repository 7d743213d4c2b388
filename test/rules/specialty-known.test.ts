import rule from '../../rules/specialty-known.js';
import { referenceData } from '../../src/data/reference.js';
import { createContext } from '../../src/run/context.js';
import { testRule } from './rule-tester.js';

const withDropdown = (...specialties: string[]) => () =>
  createContext({ today: { y: 2026, m: 11, d: 27 }, data: referenceData(undefined, { guide: { specialties } }) });

// 三（十二）: the dropdown names the guide shows are 建设 and 会计; others are at most worth a look.
testRule(rule, {
  valid: [
    { name: '建设', row: { specialty: '建设' } },
    { name: '会计', row: { specialty: '会计' } },
    { name: '其他', row: { specialty: '其他', localSpecialty: '建筑工程' } },
    { name: 'a name added by the config', row: { specialty: '机械' }, ctx: withDropdown('机械') },
    { name: 'empty', row: { specialty: '' } },
  ],
  invalid: [
    { name: 'unknown name is only info', row: { specialty: '建筑工程' }, errors: [{ messageId: 'unknown', field: 'specialty', severity: 'info', data: { known: '建设 / 会计' } }] },
    { name: '会计专业 → 会计', row: { specialty: '会计专业' }, errors: [{ messageId: 'spelling', suggestion: '会计', severity: 'info' }] },
    { name: '其它 → 其他', row: { specialty: '其它', localSpecialty: '建筑工程' }, errors: [{ messageId: 'spelling', suggestion: '其他' }] },
  ],
});
