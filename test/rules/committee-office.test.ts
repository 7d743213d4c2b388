import rule from '../../rules/committee-office.js';
import { CITY } from '../../src/data/city.js';
import { defaultDistrict } from '../../src/data/district.js';
import { testRule, type Row } from './rule-tester.js';

const CITY_OFFICE = CITY.office;
const DISTRICT_OFFICE = defaultDistrict().office.name;

const FG = '高级（副高）';
const ZG = '高级（正高）';
const JUNIOR = '初级（含员级）';
const row = (method: string, level: string, committee: string, series = '工程技术'): Row => ({
  method, level, committee, series, title: level === JUNIOR ? '助理工程师' : level === '中级' ? '工程师' : level === FG ? '高级工程师' : '正高级工程师',
});
/** A sheet without the 取得方式 column (the platform has no such field). */
const noMethod = (level: string, committee: string, dates: Row = {}): { row: Row; omit: ['method'] } => ({ row: { ...row('', level, committee), ...dates }, omit: ['method'] });
const TL_ENG = '重庆市工程技术中级职务铜梁区评审委员会';
const SAME_DAY: Row = { obtainDate: '2020-06-10', issueDate: '2020-06-10' };

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
    { name: 'empty method with a committee', row: row('', '中级', TL_ENG) },
    { name: '考试 with anything', row: row('考试', '中级', DISTRICT_OFFICE) },
    { name: '初定 of a 高级 title (initial-not-senior reports it)', row: row('初定', FG, TL_ENG) },
    { name: 'level not recognisable', row: row('初定', '高工', TL_ENG) },
    { name: 'empty committee (required-fields)', row: row('初定', JUNIOR, '') },
    // 取得方式 may be absent: the office tells 初定/确认, and an office is what those name.
    { name: 'no method column, 中级 with the 铜梁区 office', ...noMethod('中级', DISTRICT_OFFICE) },
    { name: 'no method column, 中级 初定 (same day) with the 铜梁区 office', ...noMethod('中级', DISTRICT_OFFICE, SAME_DAY) },
    { name: 'no method column, 高级 with the city office (确认)', ...noMethod(FG, CITY_OFFICE) },
    { name: 'no method column, a review committee', ...noMethod('中级', TL_ENG) },
    { name: 'an unrecognisable method with the 铜梁区 office', row: row('推荐', '中级', DISTRICT_OFFICE) },
  ],
  invalid: [
    {
      name: '初定 初级 names a review committee of another series', row: row('初定', JUNIOR, '重庆市中小学教师中级职务铜梁区评审委员会'),
      errors: [{ messageId: 'office', field: 'committee', severity: 'error', suggestion: DISTRICT_OFFICE, fix: DISTRICT_OFFICE, from: ['level', 'method'], data: { method: '初定', office: DISTRICT_OFFICE } }],
    },
    // The cell names a review committee that fits the row: the method or the committee is wrong, a person must say which.
    {
      name: '初定 初级 names the committee that would review it', row: row('初定', JUNIOR, TL_ENG),
      errors: [{ messageId: 'method-or-committee', severity: 'error', suggestion: DISTRICT_OFFICE, fix: null, related: ['method'] }],
    },
    { name: '确认 副高 names a fitting review committee', row: row('确认', FG, '重庆市工程技术建设专业副高级职称评审委员会'), errors: [{ messageId: 'method-or-committee', suggestion: CITY_OFFICE, fix: null }] },
    { name: '确认 with an exam body: perhaps an exam', row: row('确认', '中级', '人力资源和社会保障部人事考试中心', '会计'), errors: [{ messageId: 'method-or-committee', suggestion: DISTRICT_OFFICE, fix: null }] },
    { name: '确认 中级 names a committee of another series', row: row('确认', '中级', '重庆市新闻专业中级职称永川片区评审委员会'), errors: [{ messageId: 'office', suggestion: DISTRICT_OFFICE, fix: DISTRICT_OFFICE }] },
    { name: '来渝确认 names the committee of another province', row: row('来渝确认', '中级', '四川省工程技术中级职称评审委员会'), errors: [{ messageId: 'office', suggestion: DISTRICT_OFFICE, fix: DISTRICT_OFFICE }] },
    { name: '确认 高级 names the 铜梁区 office', row: row('确认', ZG, DISTRICT_OFFICE), errors: [{ messageId: 'office', suggestion: CITY_OFFICE, fix: CITY_OFFICE, from: ['level'], data: { levels: '高级' } }] },
    { name: '初定 中级 names the city office', row: row('初定', '中级', CITY_OFFICE), errors: [{ messageId: 'office', suggestion: DISTRICT_OFFICE, fix: DISTRICT_OFFICE }] },
    { name: 'no method column, 中级 names the city office', ...noMethod('中级', CITY_OFFICE), errors: [{ messageId: 'office', suggestion: DISTRICT_OFFICE, fix: DISTRICT_OFFICE, data: { method: '初定、确认' } }] },
    { name: '初定 abbreviated 铜梁区职改办', row: row('初定', JUNIOR, '铜梁区职改办'), errors: [{ messageId: 'office-form', severity: 'warning', suggestion: DISTRICT_OFFICE, fix: DISTRICT_OFFICE }] },
    { name: '确认 of 高级 abbreviated 市职改办', row: row('确认', FG, '市职改办'), errors: [{ messageId: 'office-form', suggestion: CITY_OFFICE, fix: CITY_OFFICE }] },
    { name: '初定 with the authority typed instead', row: row('初定', JUNIOR, '铜梁区人力资源和社会保障局'), errors: [{ messageId: 'office', suggestion: DISTRICT_OFFICE, fix: DISTRICT_OFFICE }] },
    { name: '初定 with a space in the office', row: row('初定', JUNIOR, '重庆市铜梁区 职称改革办公室'), errors: [{ messageId: 'office-form', severity: 'warning', suggestion: DISTRICT_OFFICE, fix: DISTRICT_OFFICE }] },
    // 铜梁县 became 铜梁区 in 2014: the old name is a period spelling, never rewritten by --fix.
    {
      name: '初定 of 2010 with the 铜梁县 office', row: { ...row('初定', '中级', '重庆市铜梁县职称改革办公室'), obtainDate: '2010-06-10', issueDate: '2010-06-10' },
      errors: [{ messageId: 'office-period', severity: 'warning', suggestion: DISTRICT_OFFICE, fix: null }],
    },
    {
      name: '初定 with another district\'s office', row: row('初定', '中级', '重庆市大足区职称改革办公室'),
      errors: [{ messageId: 'other-office', severity: 'warning', suggestion: DISTRICT_OFFICE, fix: null, data: { value: '重庆市大足区职称改革办公室' } }],
    },
    { name: '评审 names the 铜梁区 office', row: row('评审', '中级', DISTRICT_OFFICE), errors: [{ messageId: 'review', field: 'committee', severity: 'error', fix: null, related: ['method'] }] },
    // 取得时间 = 发证时间 alone says 初定: a warning, never an error or a fix.
    { name: 'no method column, same day, the authority as committee', ...noMethod('中级', '铜梁区人力资源和社会保障局', SAME_DAY), errors: [{ messageId: 'office-inferred', severity: 'warning', suggestion: DISTRICT_OFFICE, fix: null }] },
  ],
});
