import { describe, expect, it } from 'vitest';
import rule from '../../rules/committee-series.js';
import type { GuideData } from '../../src/data/guide.js';
import { loadReferenceData } from '../../src/data/reference.js';
import { defaultDistrict } from '../../src/data/district.js';
import { loadCommitteeMatcher } from '../../src/match/committee.js';
import { makeRecord, runRule, testContext } from '../helpers/records.js';
import { testRule, type Row } from './rule-tester.js';

const FG = '高级（副高）';
const row = (committee: string, series: string, level = FG): Row => ({ committee, series, level });

// 三（十四）1 with 三（七）: the committee reviews titles of the row's series.
testRule(rule, {
  valid: [
    { name: '会计 committee, 会计', row: row('重庆市会计专业副高级职称评审委员会', '会计') },
    { name: 'series written with a suffix', row: row('重庆市会计专业副高级职称评审委员会', '会计系列') },
    { name: '畜牧兽医 committee, 农业技术', row: row('重庆市畜牧兽医技术高级职称评审委员会', '农业技术') },
    { name: '畜牧兽医 committee, series written 畜牧兽医', row: row('重庆市畜牧兽医技术高级职称评审委员会', '畜牧兽医') },
    { name: '文学创作 committee, 艺术', row: row('重庆市文学创作专业高级职称评审委员会', '艺术') },
    { name: '党校 committee, 党校教师', row: row('重庆市党校系统教师高级职称评审委员会', '党校教师') },
    { name: '党校 committee, 高等学校教师 (教授/副教授)', row: row('重庆市党校系统教师高级职称评审委员会', '高等学校教师') },
    { name: '老年教育 committee: series unsure, not checked', row: row('重庆市老年教育学校教师高级职称评审委员会', '中等职业学校教师') },
    { name: '播音 committee, 播音主持', row: row('重庆市播音专业高级职称评审委员会', '播音主持') },
    { name: '体育教练 committee, 体育', row: row('重庆市体育教练专业副高级职称评审委员会', '体育') },
    { name: '技工学校教师 committee, 技工院校教师', row: row('重庆市技工学校教师高级职称评审委员会', '技工院校教师') },
    { name: '社会科学研究 committee, 哲学社会科学研究', row: row('重庆市社会科学研究高级职称评审委员会', '哲学社会科学研究') },
    { name: '中职教师 中级 committee, 中等职业学校教师', row: row('重庆市中职教师中级职务永川片区评审委员会', '中等职业学校教师', '中级') },
    { name: '卫生技术 hospital committee, 卫生', row: row('重庆医科大学附属第一医院卫生技术副高级职称评审委员会', '卫生') },
    { name: 'series not recognisable (series-known reports it)', row: row('重庆市会计专业副高级职称评审委员会', '财务管理') },
    { name: 'an unlisted committee of the row\'s series', row: row('重庆市财政局会计评审委员会', '会计') },
    { name: 'a shorthand that names no series', row: row('副高评委会', '会计') },
    { name: 'a shorthand whose specialty is no series word', row: row('建设副高评委会', '经济') },
    { name: 'an office', row: { method: '确认', committee: '重庆市职称改革办公室', series: '会计', level: FG } },
  ],
  invalid: [
    {
      name: '高级会计师 from an 工程技术 committee', row: row('重庆市工程技术中小企业副高级职称评审委员会', '会计'),
      errors: [{ messageId: 'series', field: 'committee', severity: 'error', related: ['series'], fix: null, data: { committee: '重庆市工程技术中小企业副高级职称评审委员会', committeeSeries: '工程技术', series: '会计' } }],
    },
    { name: '中小学教师 from the 铜梁区 工程技术 committee', row: row('重庆市工程技术中级职务铜梁区评审委员会', '中小学教师', '中级'), errors: [{ messageId: 'series' }] },
    { name: '工程技术 from the 铜梁区 中小学教师 committee', row: row('重庆市中小学教师中级职务铜梁区评审委员会', '工程技术', '中级'), errors: [{ messageId: 'series', data: { committeeSeries: '中小学教师' } }] },
    { name: '畜牧兽医 committee, 卫生技术', row: row('重庆市畜牧兽医技术高级职称评审委员会', '卫生技术'), errors: [{ messageId: 'series', data: { committeeSeries: '农业技术' } }] },
    { name: '党校 committee, 工程技术', row: row('重庆市党校系统教师高级职称评审委员会', '工程技术'), errors: [{ messageId: 'series', data: { committeeSeries: '党校教师/高等学校教师' } }] },
    { name: 'a shorthand is checked by the series it names', row: row('工程技术建设副高评委会', '经济'), errors: [{ messageId: 'series', data: { committee: '工程技术建设副高评委会', committeeSeries: '工程技术' } }] },
    { name: 'an unlisted older name is checked by the series it names', row: row('重庆市会计专业高级职务评审委员会', '工程技术'), errors: [{ messageId: 'series', data: { committeeSeries: '会计' } }] },
  ],
});

describe('committee-series and the guide data', () => {
  /** A guide that knows only 会计: the committee's 工程技术 means nothing to it. */
  const stub = { canonicalSeries: (text: string) => (text.replace(/系列$/, '') === '会计' ? '会计' : null), issuerKind: () => null } as unknown as GuideData;
  const stubContext = () => testContext({ data: { guide: stub, committees: loadCommitteeMatcher(), district: defaultDistrict() } });

  it('stays silent when the guide does not know the committee\'s series', () => {
    const record = makeRecord({ committee: '重庆市工程技术中小企业副高级职称评审委员会', series: '会计', level: FG });
    expect(runRule(rule, record, stubContext())).toEqual([]);
    expect(runRule(rule, record, testContext())).toHaveLength(1);
  });

  it('compares through the guide\'s canonical names', () => {
    const record = makeRecord({ committee: '重庆市会计专业副高级职称评审委员会', series: '会计系列', level: FG });
    expect(runRule(rule, record, stubContext())).toEqual([]);
    expect(loadReferenceData().guide.canonicalSeries('会计系列')).toBe('会计');
  });
});
