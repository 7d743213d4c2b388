import rule, { CITY_OFFICE, DISTRICT_OFFICE } from '../../rules/committee-office.js';
import { testRule, type Row } from './rule-tester.js';

const FG = '高级（副高）';
const ZG = '高级（正高）';
const JUNIOR = '初级（含员级）';
const row = (method: string, level: string, committee: string): Row => ({ method, level, committee });
const TL_ENG = '重庆市工程技术中级职务铜梁区评审委员会';

// 三（十四）2: 初定、确认（中、初级）填写重庆市铜梁区职称改革办公室；确认（高级）填写重庆市职称改革办公室。
testRule(rule, {
  valid: [
    { name: '初定 初级, 铜梁区 office', row: row('初定', JUNIOR, DISTRICT_OFFICE) },
    { name: '初定 中级, 铜梁区 office', row: row('初定', '中级', DISTRICT_OFFICE) },
    { name: '职称考核确定 (初定) 中级, 铜梁区 office', row: row('职称考核确定', '中级', DISTRICT_OFFICE) },
    { name: '确认 中级, 铜梁区 office', row: row('确认', '中级', DISTRICT_OFFICE) },
    { name: '来渝确认 初级, 铜梁区 office', row: row('来渝确认', JUNIOR, DISTRICT_OFFICE) },
    { name: '确认 副高, city office', row: row('确认', FG, CITY_OFFICE) },
    { name: '确认 正高, city office', row: row('确认', ZG, CITY_OFFICE) },
    { name: '评审 with its committee', row: row('评审', '中级', TL_ENG) },
    { name: 'empty method (= 评审) with its committee', row: row('', '中级', TL_ENG) },
    { name: '考试 with anything', row: row('考试', '中级', DISTRICT_OFFICE) },
    { name: '初定 of a 高级 title (not in the guide)', row: row('初定', FG, TL_ENG) },
    { name: 'level not recognisable', row: row('初定', '高工', TL_ENG) },
    { name: 'method not recognisable', row: row('推荐', '中级', DISTRICT_OFFICE) },
    { name: 'empty committee (required-fields)', row: row('初定', JUNIOR, '') },
  ],
  invalid: [
    {
      name: '初定 初级 names a review committee', row: row('初定', JUNIOR, TL_ENG),
      errors: [{ messageId: 'office', field: 'committee', severity: 'error', suggestion: DISTRICT_OFFICE, data: { method: '初定', office: DISTRICT_OFFICE } }],
    },
    { name: '确认 中级 names a review committee', row: row('确认', '中级', '重庆市新闻专业中级职称永川片区评审委员会'), errors: [{ messageId: 'office', suggestion: DISTRICT_OFFICE }] },
    { name: '确认 副高 names a review committee', row: row('确认', FG, '重庆市工程技术建设专业副高级职称评审委员会'), errors: [{ messageId: 'office', suggestion: CITY_OFFICE }] },
    { name: '确认 高级 names the 铜梁区 office', row: row('确认', ZG, DISTRICT_OFFICE), errors: [{ messageId: 'office', suggestion: CITY_OFFICE, data: { levels: '高级' } }] },
    { name: '初定 中级 names the city office', row: row('初定', '中级', CITY_OFFICE), errors: [{ messageId: 'office', suggestion: DISTRICT_OFFICE }] },
    { name: '初定 abbreviated 铜梁区职改办', row: row('初定', JUNIOR, '铜梁区职改办'), errors: [{ messageId: 'office', suggestion: DISTRICT_OFFICE }] },
    { name: '确认 of 高级 abbreviated 市职改办', row: row('确认', FG, '市职改办'), errors: [{ messageId: 'office', suggestion: CITY_OFFICE }] },
    { name: '初定 with the authority typed instead', row: row('初定', JUNIOR, '铜梁区人力资源和社会保障局'), errors: [{ messageId: 'office', suggestion: DISTRICT_OFFICE }] },
    { name: '初定 with a space in the office', row: row('初定', JUNIOR, '重庆市铜梁区 职称改革办公室'), errors: [{ messageId: 'office-form', severity: 'warning', suggestion: DISTRICT_OFFICE }] },
    {
      name: '初定 with another district\'s office', row: row('初定', '中级', '重庆市大足区职称改革办公室'),
      errors: [{ messageId: 'other-office', severity: 'warning', suggestion: DISTRICT_OFFICE, data: { value: '重庆市大足区职称改革办公室' } }],
    },
    { name: '评审 names the 铜梁区 office', row: row('评审', '中级', DISTRICT_OFFICE), errors: [{ messageId: 'review', field: 'committee', severity: 'error' }] },
    { name: '评审 (empty method) names the city office abbreviated', row: row('', FG, '市职改办'), errors: [{ messageId: 'review' }] },
  ],
});
