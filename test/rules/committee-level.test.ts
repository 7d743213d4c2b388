import rule from '../../rules/committee-level.js';
import { testRule, type Row } from './rule-tester.js';

const FG = '高级（副高）';
const ZG = '高级（正高）';
const JUNIOR = '初级（含员级）';
/** A row whose title has its level (so the committee, not the level, is the odd cell when they disagree). */
const TITLE: Record<string, string> = { [FG]: '高级工程师', [ZG]: '正高级工程师', 中级: '工程师', [JUNIOR]: '助理工程师' };
const row = (committee: string, level: string, series = '工程技术'): Row => ({ committee, level, series, title: series === '工程技术' ? (TITLE[level] ?? '工程师') : '' });

// 三（十四）1: 评审机构为批准文件中对所获职称进行评审的相应级别的评审委员会。
testRule(rule, {
  valid: [
    { name: '副高级 committee, 副高 title', row: row('重庆市工程技术建设专业副高级职称评审委员会', FG) },
    { name: '副高级 written 副高级 in the level', row: row('重庆市工程技术建设专业副高级职称评审委员会', '副高级') },
    { name: '正高级 committee, 正高 title', row: row('重庆市工程技术正高级职称评审委员会', ZG) },
    { name: '高级 committee, 正高 title', row: row('重庆市工程技术林业专业高级职称评审委员会', ZG) },
    { name: '高级 committee, 副高 title', row: row('重庆市工程技术林业专业高级职称评审委员会', FG) },
    { name: '推广研究员 committee, 正高 title', row: row('重庆市农业技术推广研究员评审委员会', ZG, '农业技术') },
    { name: '中级 committee, 中级 title', row: row('重庆市中小学教师中级职务铜梁区评审委员会', '中级', '中小学教师') },
    { name: '中级 committee, 初级 title (中级 committees also pass 初级)', row: row('重庆市艺术专业中级职称永川片区评审委员会', JUNIOR, '艺术') },
    { name: 'tie broken by the level: no mismatch', row: row('重庆市会计专业高级职称评审委员会', ZG, '会计') },
    { name: 'level not recognisable (level-value reports it)', row: row('重庆市工程技术正高级职称评审委员会', '高工') },
    { name: 'an unlisted committee whose name states no level', row: row('重庆市工程技术大足区评审委员会', FG) },
    { name: 'an older 高级 name awards 副高', row: row('重庆市工程技术高级职务评审委员会', FG) },
    { name: 'an older 高级 name awards 正高', row: row('重庆市工程技术高级职务评审委员会', ZG) },
    { name: 'an unlisted 中级 name of another district, 中级 row', row: row('重庆市工程技术中级职务大足区评审委员会', '中级') },
    { name: 'a shorthand without a level', row: row('工程技术评委会', FG) },
    { name: '初定 (committee-office checks it)', row: { method: '初定', level: JUNIOR, committee: '重庆市工程技术正高级职称评审委员会' } },
    { name: 'an office on a 评审 row (committee-office reports it)', row: row('重庆市职称改革办公室', '中级') },
  ],
  invalid: [
    {
      name: '副高级 committee awards no 正高', row: row('重庆市会计专业副高级职称评审委员会', ZG, '会计'),
      errors: [{ messageId: 'level', field: 'committee', severity: 'error', related: ['level'], fix: null, data: { committee: '重庆市会计专业副高级职称评审委员会', awards: '副高级', level: ZG } }],
    },
    { name: '正高级 committee awards no 副高', row: row('重庆市工程技术正高级职称评审委员会', FG), errors: [{ messageId: 'level', data: { awards: '正高级' } }] },
    { name: '中级 committee awards no 高级', row: row('重庆市工程技术中级职务铜梁区评审委员会', FG), errors: [{ messageId: 'level', data: { awards: '中级、初级' } }] },
    // The title agrees with the committee: the level is the odd cell; title-series-level errs, this only points.
    {
      name: 'a 中级 committee and a 中级 title on a 高级 row', row: { committee: '重庆市中小学教师中级职务铜梁县评审委员会', level: FG, series: '中小学教师', title: '小学高级教师' },
      errors: [{ messageId: 'level-by-title', severity: 'warning', related: ['level'], data: { awards: '中级、初级' } }],
    },
    { name: '中级 committee awards no 正高', row: row('重庆市新闻专业中级职称永川片区评审委员会', ZG, '新闻'), errors: [{ messageId: 'level' }] },
    { name: '高级 committee awards no 中级', row: row('重庆市卫生技术（内科）高级职称评审委员会', '中级', '卫生技术'), errors: [{ messageId: 'level', data: { awards: '高级（正高、副高）' } }] },
    { name: '高级 committee awards no 初级', row: row('重庆市工程技术林业专业高级职称评审委员会', JUNIOR), errors: [{ messageId: 'level' }] },
    // Any other text is judged by the level its own words state.
    { name: 'a shorthand is checked by the level it states', row: row('建设副高评委会', ZG), errors: [{ messageId: 'level', data: { committee: '建设副高评委会', awards: '副高级' } }] },
    { name: 'an unlisted 中级 name of another district awards no 高级', row: row('重庆市工程技术中级职务大足区评审委员会', FG), errors: [{ messageId: 'level', data: { awards: '中级、初级' } }] },
    { name: 'an older 中级职务 name of 铜梁县 awards no 高级', row: row('重庆市工程技术中级职务铜梁县评审委员会', ZG), errors: [{ messageId: 'level' }] },
    { name: 'a copied misprint is checked as the name it means', row: row('重庆市自然科学研究高级职称市农科院审委员会', '中级', '自然科学研究'), errors: [{ messageId: 'level' }] },
  ],
});
