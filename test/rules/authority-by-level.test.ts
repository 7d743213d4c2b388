import rule from '../../rules/authority-by-level.js';
import { CITY } from '../../src/data/city.js';
import { defaultDistrict } from '../../src/data/district.js';
import { testRule } from './rule-tester.js';

const CITY_AUTHORITY = CITY.authority;
const DISTRICT_AUTHORITY = defaultDistrict().authority;

// 三（十三）: 高级默认为重庆市人力资源和社会保障局（重庆市职称改革办公室），无需选择；中、初级选择“铜梁区人力资源和社会保障局”。
testRule(rule, {
  valid: [
    { name: '中级 district bureau', row: { level: '中级', authority: '铜梁区人力资源和社会保障局' } },
    { name: '初级 district bureau', row: { level: '初级（含员级）', authority: DISTRICT_AUTHORITY } },
    { name: '高级 empty: the platform fills it', row: { level: '高级（副高）', authority: '' } },
    { name: '高级 the city bureau', row: { level: '高级（正高）', authority: '重庆市人力资源和社会保障局（重庆市职称改革办公室）' } },
    { name: '高级 the city bureau, half-width brackets', row: { level: '高级（正高）', authority: '重庆市人力资源和社会保障局(重庆市职称改革办公室)' } },
    { name: 'no authority column', row: { level: '中级' }, omit: ['authority'] },
  ],
  invalid: [
    { name: '中级 with the city bureau', row: { level: '中级', authority: CITY_AUTHORITY }, errors: [{ messageId: 'wrong', field: 'authority', suggestion: DISTRICT_AUTHORITY, fix: DISTRICT_AUTHORITY, from: ['level'] }] },
    { name: '中级 abbreviated', row: { level: '中级', authority: '铜梁区人社局' }, errors: [{ messageId: 'wrong', suggestion: DISTRICT_AUTHORITY, fix: DISTRICT_AUTHORITY, from: ['level'] }] },
    { name: '初级 empty', row: { level: '初级（含员级）', authority: '' }, errors: [{ messageId: 'empty', suggestion: DISTRICT_AUTHORITY, fix: DISTRICT_AUTHORITY, from: ['level'] }] },
    { name: '高级 with the district bureau', row: { level: '高级（副高）', title: '高级工程师', committee: '重庆市工程技术建设专业副高级职称评审委员会', authority: DISTRICT_AUTHORITY }, errors: [{ messageId: 'wrong', suggestion: CITY_AUTHORITY, fix: CITY_AUTHORITY, from: ['level'] }] },
    // The title and the committee say 中级: which cell is wrong the sheet cannot tell (title-series-level errs):
    // no fix and no suggestion, which would offer the city bureau for a cell that is right if the level is wrong.
    {
      name: '高级 level contested by the title and the committee', row: { level: '高级（副高）', authority: DISTRICT_AUTHORITY },
      errors: [{ messageId: 'contested', severity: 'warning', related: ['level'], data: { by: '职称名称、评审机构' } }],
    },
  ],
});
