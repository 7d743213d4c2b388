import rule from '../../rules/specialty-local-in-dropdown.js';
import { referenceData } from '../../src/data/reference.js';
import { createContext } from '../../src/run/context.js';
import { testRule } from './rule-tester.js';

const withDropdown = (...specialties: string[]) => () =>
  createContext({ today: { y: 2026, m: 11, d: 27 }, data: referenceData(undefined, { guide: { specialties } }) });

// 三（十二）: 如“评审专业名称”下拉栏中已有对应专业名称，请直接选择，“本地评审专业”无需填写。
testRule(rule, {
  valid: [
    { name: 'guide ①: 建筑工程 is not in the dropdown', row: { specialty: '其他', localSpecialty: '建筑工程' } },
    { name: 'a named specialty', row: { specialty: '会计', localSpecialty: '' } },
  ],
  invalid: [
    { name: 'guide ②: 会计 typed as local', row: { specialty: '其他', localSpecialty: '会计' }, errors: [{ messageId: 'inDropdown', field: 'specialty', suggestion: '会计', severity: 'warning' }] },
    { name: '会计专业 typed as local', row: { specialty: '其他', localSpecialty: '会计专业' }, errors: [{ messageId: 'inDropdown', suggestion: '会计' }] },
    { name: '建设 typed as local', row: { specialty: '其他', localSpecialty: '建设' }, errors: [{ messageId: 'inDropdown', suggestion: '建设' }] },
    {
      name: 'a dropdown name added by the config',
      row: { specialty: '其他', localSpecialty: '建筑工程' },
      ctx: withDropdown('建筑工程'),
      errors: [{ messageId: 'inDropdown', suggestion: '建筑工程' }],
    },
  ],
});
