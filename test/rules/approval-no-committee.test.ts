import rule from '../../rules/approval-no-committee.js';
import { testRule, type Row } from './rule-tester.js';

const NEWS_AREA = '重庆市新闻专业中级职称永川片区评审委员会';
const TL_ENG = '重庆市工程技术中级职务铜梁区评审委员会';
const row = (committee: string, approvalNo: string, series = '工程技术'): Row => ({ committee, approvalNo, series, level: '中级' });

// 三（四）2: 铜梁区评审通过的中、初级以铜梁区职改办批准文件为准，片区评审通过的中、初级以片区职改办批准文件为准。
testRule(rule, {
  valid: [
    { name: '铜梁区 committee, 铜梁区 number', row: row(TL_ENG, '铜职改办【2019】12号') },
    { name: '片区 committee, 片区 number', row: row(NEWS_AREA, '永川片区职改办【2019】12号', '新闻') },
    { name: '片区 committee, 永职改办 number', row: row(NEWS_AREA, '永职改办【2019】12号', '新闻') },
    { name: '铜梁县 committee of 2008, 铜梁县 number', row: row('重庆市工程技术中级职务铜梁县评审委员会', '铜梁县职改办【2008】5号') },
    { name: 'a city number (approval-no-issuer\'s concern)', row: row(NEWS_AREA, '渝职改办【2019】12号', '新闻') },
    { name: 'an unknown issuer', row: row(NEWS_AREA, '某某职改办【2019】12号', '新闻') },
    { name: 'an office on a 初定 row', row: { method: '初定', committee: '重庆市铜梁区职称改革办公室', approvalNo: '永职改办【2019】12号' } },
    { name: 'an unparsable number (approval-no-format\'s job)', row: row(NEWS_AREA, '铜职改办', '新闻') },
    { name: 'empty committee', row: row('', '铜职改办【2019】12号') },
  ],
  invalid: [
    {
      name: '片区 committee with a 铜梁区 number', row: row(NEWS_AREA, '铜职改办【2019】12号', '新闻'),
      errors: [{ messageId: 'areaCommittee', field: 'approvalNo', severity: 'warning', related: ['committee'], fix: null, data: { committee: NEWS_AREA, approvalNo: '铜职改办【2019】12号' } }],
    },
    { name: '片区 committee abbreviated, 铜梁区 number', row: row('新闻中级永川片区评委会', '铜梁区职改办【2019】12号', '新闻'), errors: [{ messageId: 'areaCommittee' }] },
    { name: '铜梁区 committee with a 片区 number', row: row(TL_ENG, '永职改办【2019】12号'), errors: [{ messageId: 'districtCommittee', severity: 'warning', fix: null }] },
    { name: '铜梁县 committee with a 片区 number', row: row('重庆市工程技术中级职务铜梁县评审委员会', '永川片区职改办【2008】5号'), errors: [{ messageId: 'districtCommittee' }] },
  ],
});
