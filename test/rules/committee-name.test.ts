import rule from '../../rules/committee-name.js';
import { shippedCommittees } from '../../src/match/committee.js';
import { testRule, type Row } from './rule-tester.js';

const FG = '高级（副高）';
const ZG = '高级（正高）';
/** Dates and approval numbers of a year: 2021 has a list of its own (annex 2 and the guide's 中级 names); 2019, 2010, 1995 have none. */
const year = (y: number, issuer = '渝职改办'): Row => ({ obtainDate: `${y}-11-15`, issueDate: `${y}-12-20`, approvalNo: `${issuer}【${y}】125号` });
const senior = (committee: string, y = 2019, level = FG, series = '工程技术'): Row => ({ committee, level, series, region: '重庆市', authority: '', ...year(y) });
const middle = (committee: string, y = 2019, series = '工程技术'): Row => ({ committee, level: '中级', series, ...year(y, '铜职改办') });
const JIANSHE = '重庆市工程技术建设专业副高级职称评审委员会';
const TL_ENG = '重庆市工程技术中级职务铜梁区评审委员会';
const TL_NONPUBLIC = '重庆市工程技术中级职务铜梁区非公企业评审委员会';
const ACC_ZG = '重庆市会计专业正高级职称评审委员会';
const ACC_FG = '重庆市会计专业副高级职称评审委员会';
const SENIOR_FROM = ['level', 'series', 'obtainDate'] as const;
const MIDDLE_FROM = ['level', 'series', 'obtainDate', 'approvalNo'] as const;

// 三（十四）1: 评审机构为批准文件中对所获职称进行评审的相应级别的评审委员会，请完整填写。
testRule(rule, {
  valid: [
    // every committee of the lists, as printed, on a 评审 row of a level it awards: in 2021 (its own list)…
    ...shippedCommittees().filter((e) => e.kind === 'committee').map((e) => ({
      name: `official, 2021: ${e.name}`,
      row: { committee: e.name, level: e.levels[0]!, series: e.series?.[0] ?? '工程技术', ...year(2021) },
    })),
    // …and in a year without a list: a listed name is accepted in any year.
    ...shippedCommittees().filter((e) => e.kind === 'committee').map((e) => ({
      name: `official, 1996: ${e.name}`,
      row: { committee: e.name, level: e.levels[0]!, series: e.series?.[0] ?? '工程技术', ...year(1996) },
    })),
    { name: 'empty (required-fields reports it)', row: { committee: '' } },
    { name: '初定 names an office (committee-office checks it)', row: { method: '初定', level: '初级（含员级）', committee: TL_ENG } },
    { name: '确认 with anything (committee-office checks it)', row: { method: '确认', committee: '铜梁区职改办' } },
    { name: 'an office on a 评审 row (committee-office reports it)', row: { committee: '重庆市铜梁区职称改革办公室' } },
    { name: 'an abbreviated office on a 评审 row (committee-office reports it)', row: { committee: '铜梁区职改办' } },
    { name: 'no method column, an office: 初定/确认 inferred (committee-office)', omit: ['method'], row: { committee: '重庆市铜梁区职称改革办公室' } },
    { name: '考试 with a name the lists do not hold', row: { method: '考试', level: '中级', series: '会计', committee: '人力资源和社会保障部人事考试中心' } },
    { name: '考试 with a shorthand', row: { method: '考试', level: '中级', series: '会计', committee: '会计评委会' } },
    { name: '认定 with an unclear name', row: { method: '认定', committee: '重庆市会计专业高级职称评审委员会' } },
  ],
  invalid: [
    // A pure form difference or an annex misprint: a certain fix in any year.
    {
      name: 'half-width brackets (2019)', row: senior('重庆市卫生技术(内科)高级职称评审委员会', 2019, ZG, '卫生技术'),
      errors: [{ messageId: 'form', severity: 'warning', suggestion: '重庆市卫生技术（内科）高级职称评审委员会', fix: '重庆市卫生技术（内科）高级职称评审委员会', from: [] }],
    },
    { name: 'a space inside (1998)', row: middle('重庆市工程技术中级职务 铜梁区评审委员会', 1998), errors: [{ messageId: 'form', severity: 'warning', suggestion: TL_ENG, fix: TL_ENG }] },
    {
      name: 'misprint of item 24', row: senior('重重庆市工程技术广播电视专业副高级职称评审委员会'),
      errors: [{ messageId: 'misprint', severity: 'warning', data: { item: 24 }, suggestion: '重庆市工程技术广播电视专业副高级职称评审委员会', fix: '重庆市工程技术广播电视专业副高级职称评审委员会' }],
    },
    {
      name: 'misprint of item 45', row: senior('重庆市自然科学研究高级职称市农科院审委员会', 2021, FG, '自然科学研究'),
      errors: [{ messageId: 'misprint', data: { item: 45 }, suggestion: '重庆市自然科学研究高级职称市农科院评审委员会', fix: '重庆市自然科学研究高级职称市农科院评审委员会' }],
    },
    // Incomplete, in any year: an error with the name it stands for; a fix only with a list of the row's year.
    {
      name: 'shorthand 建设副高评委会 in 2021: the list of the year has one candidate', row: senior('建设副高评委会', 2021),
      errors: [{ messageId: 'incomplete', field: 'committee', severity: 'error', suggestion: JIANSHE, fix: JIANSHE, from: [...SENIOR_FROM], data: { name: JIANSHE } }],
    },
    { name: 'shorthand 建设副高评委会 in 2019: suggested, not fixed', row: senior('建设副高评委会', 2019), errors: [{ messageId: 'incomplete', severity: 'error', suggestion: JIANSHE, fix: null }] },
    { name: 'shorthand in 1998: suggested, not fixed', row: senior('建设副高评委会', 1998), errors: [{ messageId: 'incomplete', suggestion: JIANSHE, fix: null }] },
    { name: 'shorthand 评委会 of a 中级 committee, 2021', row: middle('重庆市工程技术中级职务铜梁区评委会', 2021), errors: [{ messageId: 'incomplete', suggestion: TL_ENG, fix: TL_ENG, from: [...MIDDLE_FROM] }] },
    { name: 'shorthand 评委会 of a 中级 committee, 2019', row: middle('工程技术铜梁区评委会', 2019), errors: [{ messageId: 'incomplete', suggestion: TL_ENG, fix: null }] },
    { name: 'the shorthand written out is exactly a listed name (2021)', row: senior('重庆市工程技术正高评委会', 2021, ZG), errors: [{ messageId: 'incomplete', suggestion: '重庆市工程技术正高级职称评审委员会', fix: '重庆市工程技术正高级职称评审委员会' }] },
    {
      name: 'a shorthand of several committees: no single suggestion', row: senior('工程技术副高评委会', 2021),
      errors: [{ messageId: 'incompleteSeveral', severity: 'error', fix: null }],
    },
    { name: 'a shorthand of a 副高 committee on a 中级 row: no candidate fits', row: middle('建设副高评委会', 2021), errors: [{ messageId: 'incompleteNone', severity: 'error', fix: null }] },
    { name: 'names no series', row: senior('重庆市副高级职称评审委员会', 2021), errors: [{ messageId: 'incompleteNone', fix: null }] },
    { name: 'a stated 评审 with the authority typed as committee', row: { method: '评审', committee: '铜梁区人力资源和社会保障局' }, errors: [{ messageId: 'incompleteNone', severity: 'error' }] },
    // No method column: a text that is no committee at all may be an exam's: a warning, not an error.
    { name: 'no method column, the authority typed as committee', omit: ['method'], row: { committee: '铜梁区人力资源和社会保障局' }, errors: [{ messageId: 'notCommitteeNoMethod', severity: 'warning', fix: null }] },
    { name: 'no method column, an exam title\'s ministries', omit: ['method'], row: { level: '中级', series: '会计', committee: '财政部 人力资源和社会保障部' }, errors: [{ messageId: 'notCommitteeNoMethod', severity: 'warning', fix: null }] },
    { name: 'empty method, an exam centre', row: { method: '', level: '中级', series: '会计', committee: '重庆市人事考试中心' }, errors: [{ messageId: 'notCommittee', severity: 'warning' }] },
    // One or two characters off a name on the list of the row's own year.
    { name: 'a typo, 2021', row: senior('重庆市工程技术建设专业付高级职称评审委员会', 2021), errors: [{ messageId: 'typo', severity: 'error', suggestion: JIANSHE, fix: JIANSHE, from: [...SENIOR_FROM] }] },
    { name: '职称 left out, 2021', row: senior('重庆市工程技术建设专业副高级评审委员会', 2021), errors: [{ messageId: 'typo', suggestion: JIANSHE, fix: JIANSHE }] },
    { name: '委员会 cut short, 2021', row: senior('重庆市畜牧兽医技术高级职称评审委会', 2021, FG, '农业技术'), errors: [{ messageId: 'typo', suggestion: '重庆市畜牧兽医技术高级职称评审委员会', fix: '重庆市畜牧兽医技术高级职称评审委员会' }] },
    { name: '委员会 cut short, 2019: suggested, not fixed', row: senior('重庆市畜牧兽医技术高级职称评审委会', 2019, FG, '农业技术'), errors: [{ messageId: 'incomplete', suggestion: '重庆市畜牧兽医技术高级职称评审委员会', fix: null }] },
    {
      name: 'a typo that fits two names (内科/外科), 2021', row: senior('重庆市卫生技术（纳科）高级职称评审委员会', 2021, ZG, '卫生技术'),
      errors: [{ messageId: 'typoSeveral', severity: 'error', fix: null, data: { candidates: '重庆市卫生技术（内科）高级职称评审委员会；重庆市卫生技术（外科）高级职称评审委员会' } }],
    },
    // The same typo in a year without a list: the 2021 list is only a reference.
    {
      name: 'a typo, 2019: a warning that asks for the approval document', row: senior('重庆市工程技术建设专业付高级职称评审委员会', 2019),
      errors: [{ messageId: 'unlisted', severity: 'warning', fix: null }],
    },
    // Another period's spelling: at most a warning, never a fix.
    { name: '职称 for 职务, even in 2021', row: middle('重庆市工程技术中级职称铜梁区评审委员会', 2021), errors: [{ messageId: 'period', severity: 'warning', fix: null, data: { closest: TL_ENG } }] },
    { name: 'no 重庆市 in front', row: middle('工程技术中级职务铜梁区评审委员会', 2016), errors: [{ messageId: 'period', severity: 'warning', fix: null, data: { closest: TL_ENG } }] },
    { name: '铜梁县 before 2014', row: middle('重庆市工程技术中级职务铜梁县评审委员会', 2010), errors: [{ messageId: 'period', fix: null, data: { closest: TL_ENG } }] },
    { name: 'an older 高级 where the list says 副高级', row: senior('重庆市会计专业高级职称评审委员会', 2015, FG, '会计'), errors: [{ messageId: 'period', fix: null, data: { closest: ACC_FG } }] },
    { name: 'an older 高级, a 正高 row', row: senior('重庆市会计专业高级职称评审委员会', 2015, ZG, '会计'), errors: [{ messageId: 'period', fix: null, data: { closest: ACC_ZG } }] },
    { name: '高级职务 of 1998', row: senior('重庆市会计专业高级职务评审委员会', 1998, FG, '会计'), errors: [{ messageId: 'period', fix: null, data: { closest: ACC_FG } }] },
    // Not on the list of the year: a warning that names the closest listed names fitting the row.
    {
      name: 'a 中级 建设 committee is never "corrected" to a 高级 one', row: middle('重庆市工程技术建设专业中级职称评审委员会', 2019),
      errors: [{ messageId: 'unlisted', severity: 'warning', fix: null, data: { closest: `${TL_ENG}；${TL_NONPUBLIC}` } }],
    },
    { name: 'another district\'s 中级 committee', row: middle('重庆市工程技术中级职务大足区评审委员会', 2021), errors: [{ messageId: 'unlisted', fix: null, data: { closest: `${TL_ENG}；${TL_NONPUBLIC}` } }] },
    { name: 'an older city-wide committee without a specialty (1995)', row: senior('重庆市工程技术高级职务评审委员会', 1995), errors: [{ messageId: 'unlisted', severity: 'warning', fix: null }] },
    { name: 'a name without its specialty is no typo, even in 2021', row: senior('重庆市工程技术副高级职称评审委员会', 2021), errors: [{ messageId: 'unlisted', severity: 'warning', fix: null }] },
    { name: 'a specialty left out (2 characters) is no typo, 2021', row: senior('重庆市工程技术专业副高级职称评审委员会', 2021), errors: [{ messageId: 'unlisted', fix: null }] },
    { name: 'a name of another province', row: senior('四川省工程技术高级职称评审委员会', 2021), errors: [{ messageId: 'unlisted', fix: null }] },
    // Nothing listed fits: the message offers no name (no empty "if the document says: —").
    { name: 'a 中级 name on a 副高 row: nothing listed fits both', row: senior('重庆市工程技术中级职称评审委员会', 2021), errors: [{ messageId: 'unlistedNone', severity: 'warning', fix: null }] },
    { name: 'a 2008 中级 农业 committee: no 中级 农业 name listed', row: middle('重庆市农业技术中级职务评审委员会', 2008, '农业技术'), errors: [{ messageId: 'unlistedNone', severity: 'warning', fix: null }] },
    // Names offered as "if the document says…" review the row's series: not 老年教育学校教师 (series unknown) for a 中小学 row.
    {
      name: 'a Sichuan-era 中学 committee (1994): a complete name of its time, the 中小学 names offered', row: senior('四川省中学教师高级职务评审委员会', 1994, FG, '中小学教师'),
      errors: [{ messageId: 'unlisted', severity: 'warning', fix: null, data: { closest: '重庆市中小学教师（文科类）高级职称评审委员会；重庆市中小学教师（理科类）高级职称评审委员会' } }],
    },
    // Before the 1986 reform titles were 评定 by a 技术职称评定委员会: a complete name of its time, not a shorthand.
    { name: 'a 1985 评定委员会', row: middle('铜梁县卫生技术职称评定委员会', 1985, '卫生技术'), errors: [{ messageId: 'unlistedNone', severity: 'warning', fix: null }] },
    // A shorthand that puts the place first (铜梁区…评委会) stands for the name that puts it last.
    {
      name: 'place first in a shorthand, 2021: one candidate of the year', row: middle('铜梁区中小学教师中级评委会', 2021, '中小学教师'),
      errors: [{ messageId: 'incomplete', severity: 'error', suggestion: '重庆市中小学教师中级职务铜梁区评审委员会', fix: '重庆市中小学教师中级职务铜梁区评审委员会', from: [...MIDDLE_FROM] }],
    },
    { name: 'place first in a shorthand, 2019: suggested, not fixed', row: middle('铜梁区工程技术中级评委会', 2019), errors: [{ messageId: 'incomplete', suggestion: TL_ENG, fix: null }] },
    { name: 'no date at all: no list of the year', row: { committee: '重庆市工程技术中级职务铜梁区评审委', obtainDate: '', issueDate: '', approvalNo: '' }, errors: [{ messageId: 'incomplete', suggestion: TL_ENG, fix: null }] },
  ],
});
