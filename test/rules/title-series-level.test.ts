import rule from '../../rules/title-series-level.js';
import { testRule, type Row } from './rule-tester.js';

const ok = (series: string, level: string, title: string): { name: string; row: Row } => ({ name: `${series} ${level} ${title}`, row: { series, level, title } });

// 三（九）: 职称名称请与职称级别和系列对应选择。Traps from reference/README.md each get a case.
testRule(rule, {
  valid: [
    ok('工程技术', '中级', '工程师'),
    ok('工程技术', '高级（副高）', '高级工程师'),
    ok('工程技术', '高级（正高）', '正高级工程师'),
    ok('工程技术', '高级（正高）', '教授级高级工程师'), // legacy name
    ok('工程技术', '初级（含员级）', '技术员'),
    ok('新闻', '中级', '编辑'),
    ok('出版', '中级', '编辑'),
    ok('图书资料', '中级', '馆员'),
    ok('文物博物', '中级', '馆员'),
    ok('档案', '高级（副高）', '副研究馆员'),
    ok('群众文化', '中级', '馆员'),
    ok('高等学校教师', '中级', '讲师'),
    ok('技工学校教师', '中级', '讲师'),
    ok('中职教师', '高级（副高）', '高级讲师'),
    ok('自然科学研究', '中级', '助理研究员'),
    ok('社会科学研究', '高级（正高）', '研究员'),
    ok('艺术', '高级（正高）', '一级演员'),
    ok('艺术', '初级（含员级）', '四级演员'),
    ok('律师', '高级（正高）', '一级律师'),
    ok('中小学教师', '中级', '小学高级教师'), // pre-2015 name, 中级 not 高级
    ok('卫生', '中级', '主治医师（内科）'),
    ok('卫生技术', '初级（含员级）', '法医师'),
    // Old scales: the names of their era are accepted.
    ok('中小学教师', '高级（副高）', '中学高级教师'),
    ok('中小学教师', '初级（含员级）', '小学一级教师'),
    ok('中等职业学校教师', '初级（含员级）', '教员'),
    ok('中专教师', '初级（含员级）', '教员'),
    ok('中等专业学校教师', '高级（副高）', '高级讲师'),
    ok('技工学校教师', '初级（含员级）', '教员'),
    ok('技工学校教师', '初级（含员级）', '三级实习指导教师'),
    ok('工程技术', '高级（正高）', '研究员级高级工程师'),
    ok('会计', '初级（含员级）', '会计员'),
    ok('翻译', '中级', '翻译'),
    ok('体育', '中级', '一级教练'),
    { name: 'level variant 副高 is level-value\'s job', row: { level: '副高', title: '高级工程师' } },
    { name: 'unknown series: nothing to compare', row: { series: '火星', title: '教授' } },
    { name: 'unknown level: nothing to compare', row: { level: '甲等' } },
    { name: '药剂士, the 员级 name before 药士 (1979)', row: { series: '卫生技术', title: '药剂士', level: '初级（含员级）' } },
    { name: '高级实习指导教师 as 副高 (today\'s scale)', row: { series: '技工院校教师', title: '高级实习指导教师', level: '高级（副高）' } },
  ],
  invalid: [
    {
      name: '高级工程师 is 副高, not 正高',
      row: { level: '高级（正高）', title: '高级工程师' },
      errors: [{ messageId: 'level', field: 'title', data: { belongs: '工程技术 高级（副高）', level: '高级（正高）' } }],
    },
    {
      name: '助理研究员 is 中级, not 初级',
      row: { series: '自然科学研究', level: '初级（含员级）', title: '助理研究员' },
      errors: [{ messageId: 'level', data: { belongs: '自然科学研究 中级' } }],
    },
    { name: '艺术 一级 is 正高', row: { series: '艺术', level: '中级', title: '一级演员' }, errors: [{ messageId: 'level', data: { belongs: '艺术 高级（正高）' } }] },
    { name: '律师 二级 is 副高', row: { series: '律师', level: '高级（正高）', title: '二级律师' }, errors: [{ messageId: 'level', data: { belongs: '律师 高级（副高）' } }] },
    { name: '副编审 belongs to 出版', row: { series: '新闻', level: '高级（副高）', title: '副编审' }, errors: [{ messageId: 'series', data: { belongs: '出版 高级（副高）', series: '新闻' } }] },
    {
      name: '讲师 in 工程技术 names every series it belongs to',
      row: { title: '讲师' },
      errors: [{ messageId: 'series', data: { belongs: '高等学校教师 中级 / 技工院校教师 中级 / 中等职业学校教师 中级 / 党校教师 中级' } }],
    },
    // The trap: 小学高级教师 was a 中级 title, 中学高级教师 a 副高级 one.
    { name: '小学高级教师 is 中级, not 高级', row: { series: '中小学教师', level: '高级（副高）', title: '小学高级教师' }, errors: [{ messageId: 'level', related: ['level'], fix: null, data: { belongs: '中小学教师 中级' } }] },
    { name: '中学高级教师 is 副高, not 中级', row: { series: '中小学教师', level: '中级', title: '中学高级教师' }, errors: [{ messageId: 'level', data: { belongs: '中小学教师 高级（副高）' } }] },
    { name: '教员 is 员级', row: { series: '中等职业学校教师', level: '中级', title: '教员' }, errors: [{ messageId: 'level', data: { belongs: '中等职业学校教师 初级（含员级）' } }] },
    { name: 'typo with one current title at that level', row: { title: '工程帅' }, errors: [{ messageId: 'unknown', severity: 'warning', suggestion: '工程师', data: { expected: '工程师' } }] },
    { name: 'unknown with several candidates', row: { series: '卫生技术', title: '主治大夫' }, errors: [{ messageId: 'unknown', severity: 'warning' }] },
    // An older scale recalled but not confirmed (data/titles.tsv status L,R): the sheet cannot tell, the certificate can.
    {
      name: '高级实习指导教师 as 中级 on a 1995 certificate', row: { series: '技工院校教师', title: '高级实习指导教师', level: '中级', obtainDate: '1995-11-15', issueDate: '1995-12-20' },
      errors: [{ messageId: 'level-unsure', severity: 'warning', field: 'title', related: ['level'], data: { belongs: '技工院校教师 高级（副高）', level: '中级' } }],
    },
    {
      // 1986 scale one step below 高级实习指导教师 (中级 then): 助理级; recalled, so a warning and never an error or fix.
      name: '一级实习指导教师 as 初级 on a 1995 certificate', row: { series: '技工院校教师', title: '一级实习指导教师', level: '初级（含员级）', obtainDate: '1995-11-15', issueDate: '1995-12-20' },
      errors: [{ messageId: 'level-unsure', severity: 'warning', field: 'title', related: ['level'], data: { belongs: '技工院校教师 中级', level: '初级（含员级）' }, fix: null }],
    },
  ],
});
