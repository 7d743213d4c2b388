import rule from '../../rules/committee-name.js';
import { shippedCommittees } from '../../src/match/committee.js';
import { testRule, type Row } from './rule-tester.js';

const FG = '高级（副高）';
const ZG = '高级（正高）';
const senior = (committee: string, level = FG, series = '工程技术'): Row => ({ committee, level, series, region: '重庆市', authority: '', approvalNo: '渝职改办【2019】125号' });
const JIANSHE = '重庆市工程技术建设专业副高级职称评审委员会';
const TL_ENG = '重庆市工程技术中级职务铜梁区评审委员会';
const ACC_ZG = '重庆市会计专业正高级职称评审委员会';
const ACC_FG = '重庆市会计专业副高级职称评审委员会';

// 三（十四）1: 评审机构为批准文件中对所获职称进行评审的相应级别的评审委员会，请完整填写。
testRule(rule, {
  valid: [
    // every committee of the guide, as printed, on a 评审 row of a level it awards
    ...shippedCommittees().filter((e) => e.kind === 'committee').map((e) => ({
      name: `official: ${e.name}`,
      row: { committee: e.name, level: e.levels[0]!, series: e.series?.[0] ?? '工程技术' },
    })),
    { name: 'empty (required-fields reports it)', row: { committee: '' } },
    { name: '初定 names an office (committee-office checks it)', row: { method: '初定', level: '初级（含员级）', committee: TL_ENG } },
    { name: '确认 with anything (committee-office checks it)', row: { method: '确认', committee: '铜梁区职改办' } },
    { name: 'an office on a 评审 row (committee-office reports it)', row: { committee: '重庆市铜梁区职称改革办公室' } },
    { name: 'an abbreviated office on a 评审 row (committee-office reports it)', row: { committee: '铜梁区职改办' } },
    { name: '考试 with a name the guide does not list', row: { method: '考试', level: '中级', series: '会计', committee: '人力资源和社会保障部人事考试中心' } },
    { name: '认定 with an unclear name', row: { method: '认定', committee: '重庆市会计专业高级职称评审委员会' } },
  ],
  invalid: [
    { name: 'abbreviation 建设副高评委会', row: senior('建设副高评委会'), errors: [{ messageId: 'incomplete', field: 'committee', suggestion: JIANSHE, severity: 'error', data: { name: JIANSHE } }] },
    { name: 'abbreviation 评委会', row: { committee: '重庆市工程技术中级职务铜梁区评委会' }, errors: [{ messageId: 'incomplete', suggestion: TL_ENG }] },
    { name: 'missing 职称', row: senior('重庆市工程技术建设专业副高级评审委员会'), errors: [{ messageId: 'incomplete', suggestion: JIANSHE }] },
    { name: 'missing 重庆市', row: { committee: '工程技术中级职务铜梁区评审委员会' }, errors: [{ messageId: 'incomplete', suggestion: TL_ENG }] },
    { name: 'missing 重庆市 and 职称', row: senior('会计专业副高级评审委员会', FG, '会计'), errors: [{ messageId: 'incomplete', suggestion: ACC_FG }] },
    { name: 'a typo', row: senior('重庆市工程技术建设专业付高级职称评审委员会'), errors: [{ messageId: 'incomplete', suggestion: JIANSHE }] },
    { name: '职称 for 职务', row: { committee: '重庆市工程技术中级职称铜梁区评审委员会' }, errors: [{ messageId: 'incomplete', suggestion: TL_ENG }] },
    {
      name: 'misprint of item 24', row: senior('重重庆市工程技术广播电视专业副高级职称评审委员会'),
      errors: [{ messageId: 'misprint', severity: 'error', data: { item: 24 }, suggestion: '重庆市工程技术广播电视专业副高级职称评审委员会' }],
    },
    {
      name: 'misprint of item 45', row: senior('重庆市自然科学研究高级职称市农科院审委员会', FG, '自然科学研究'),
      errors: [{ messageId: 'misprint', data: { item: 45 }, suggestion: '重庆市自然科学研究高级职称市农科院评审委员会' }],
    },
    {
      name: 'half-width brackets', row: senior('重庆市卫生技术(内科)高级职称评审委员会', ZG, '卫生技术'),
      errors: [{ messageId: 'form', severity: 'warning', suggestion: '重庆市卫生技术（内科）高级职称评审委员会' }],
    },
    { name: 'a space inside', row: { committee: '重庆市工程技术中级职务 铜梁区评审委员会' }, errors: [{ messageId: 'form', severity: 'warning', suggestion: TL_ENG }] },
    { name: '正高/副高 tie broken by 正高', row: senior('重庆市会计专业高级职称评审委员会', ZG, '会计'), errors: [{ messageId: 'incomplete', suggestion: ACC_ZG }] },
    { name: '正高/副高 tie broken by 副高', row: senior('重庆市会计专业高级职称评审委员会', FG, '会计'), errors: [{ messageId: 'incomplete', suggestion: ACC_FG }] },
    {
      name: '正高/副高 tie with no level to break it', row: senior('重庆市会计专业高级职称评审委员会', '', '会计'),
      errors: [{ messageId: 'ambiguous', severity: 'warning', data: { candidates: `${ACC_ZG}；${ACC_FG}` } }],
    },
    {
      name: 'a specialty committee without its specialty', row: senior('重庆市工程技术副高级职称评审委员会'),
      errors: [{ messageId: 'ambiguous', severity: 'warning' }],
    },
    {
      name: 'another district\'s 中级 committee (not in the guide\'s lists)', row: { committee: '重庆市工程技术中级职务大足区评审委员会' },
      errors: [{ messageId: 'unknown', severity: 'warning', data: { closest: `${TL_ENG}；重庆市工程技术中级职务铜梁区非公企业评审委员会；重庆市工程技术正高级职称评审委员会` } }],
    },
    {
      name: 'the authority typed as committee', row: { committee: '铜梁区人力资源和社会保障局' },
      errors: [{ messageId: 'unknown', severity: 'warning', data: { value: '铜梁区人力资源和社会保障局' } }],
    },
    { name: 'an unknown name with the method left empty (= 评审)', row: { method: '', committee: '四川省工程技术高级职称评审委员会' }, errors: [{ messageId: 'unknown' }] },
  ],
});
