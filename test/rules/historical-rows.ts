/**
 * Correct records of four decades, as an HR clerk's sheet holds them (paper certificates of 1987–2020, and
 * 2021-on titles from other systems, 初定 and 确认), each with the warnings a careful colleague would still
 * want (a name the sheet alone cannot verify: check the approval document) — and never an error.
 * Built from the guide (三（四）（十一）（十四）（十五）) and what real sheets look like, for the rules' tests and
 * the --fix safety test. (The scenario corpus of h2-history lives elsewhere: test/fixtures/history/.)
 */
import { checkCharacter } from '../../src/util/id-number.js';
import type { FieldKey } from '../../src/model/fields.js';

export interface HistoricalRow {
  note: string;
  values: Partial<Record<FieldKey, unknown>>;
  numFmts?: Partial<Record<FieldKey, string | number>>;
  omit?: FieldKey[];
  /** Warnings the row may give (rule ids): the sheet alone cannot tell, the clerk checks a document. */
  warnings?: string[];
}

let seq = 300;
/** A valid ID number of someone born on `birth` (YYYYMMDD). */
export function idOf(birth: string): string {
  const first17 = `500224${birth}${String((seq += 2) % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

const CITY = '重庆市人力资源和社会保障局（重庆市职称改革办公室）';
const DISTRICT = '铜梁区人力资源和社会保障局';
const TL_ENG = '重庆市工程技术中级职务铜梁区评审委员会';
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A person: name, ID, 出生年月 as "YYYY.MM" text. */
function who(name: string, birth: string): Partial<Record<FieldKey, unknown>> {
  return { name, idNumber: idOf(birth), birthDate: `${birth.slice(0, 4)}.${birth.slice(4, 6)}` };
}

const middle = (v: Partial<Record<FieldKey, unknown>>) => ({
  series: '工程技术', level: '中级', title: '工程师', method: '评审', region: '铜梁区', hasSpecialty: '是', specialty: '其他',
  localSpecialty: '建筑工程', authority: DISTRICT, ...v,
});
const senior = (v: Partial<Record<FieldKey, unknown>>) => ({
  series: '工程技术', level: '高级（副高）', title: '高级工程师', method: '评审', region: '重庆市', hasSpecialty: '是', specialty: '建设',
  localSpecialty: '', authority: CITY, ...v,
});

const economist = who('周敏', '19800506');

export const HISTORICAL_ROWS: HistoricalRow[] = [
  {
    note: '1987 工程师, 铜梁县 committee of the time (before the city list): a warning to check the approval document',
    values: middle({ ...who('刘建国', '19550312'), approvalNo: '铜职改【1987】3号', issueDate: '1987.09.01', obtainDate: '1987年6月20日', committee: '铜梁县工程技术中级职务评审委员会', certNo: '0012' }),
    warnings: ['committee-name'],
  },
  {
    note: '1995 高级工程师 of the Sichuan years: an unknown issuer and committee, warned, never an error',
    values: senior({ ...who('陈德明', '19520817'), approvalNo: '川职改【1995】12号', issueDate: '1995-12-20', obtainDate: '1995-10-28', committee: '四川省工程技术高级职务评审委员会', certNo: '川G0356', specialty: '其他', localSpecialty: '机械' }),
    warnings: ['committee-name'],
  },
  {
    note: '1998 工程师 with a two-digit-year number copied as 【1998】, 出生年月 typed as the number 1965.3',
    values: middle({ ...who('王淑芬', '19650322'), birthDate: 1965.3, approvalNo: '铜职改办【1998】9号', issueDate: day('1998-12-18'), obtainDate: day('1998-11-20'), committee: '重庆市工程技术中级职务铜梁县评审委员会', certNo: '98-0031' }),
    warnings: ['committee-name'],
  },
  {
    note: '2003 中学高级教师 (副高 before the 2015 reform) by the city-wide 中小学 committee of the time',
    values: senior({ ...who('李秀英', '19650908'), series: '中小学教师', title: '中学高级教师', specialty: '其他', localSpecialty: '中学语文', approvalNo: '渝职改办【2003】45号', issueDate: '2003-12-30', obtainDate: '2003-11-25', committee: '重庆市中小学教师高级职务评审委员会', certNo: '渝教G2003112' }),
    warnings: ['committee-name'],
  },
  {
    note: '2008 小学高级教师 (a 中级 title before 2015), 铜梁县 committee',
    values: middle({ ...who('张丽', '19720415'), series: '中小学教师', title: '小学高级教师', localSpecialty: '小学数学', approvalNo: '铜职改办【2008】8号', issueDate: '2008-12-26', obtainDate: '2008-11-30', committee: '重庆市中小学教师中级职务铜梁县评审委员会', certNo: 'TLJS2008071' }),
    warnings: ['committee-name'],
  },
  {
    note: '2010 工程师, 出生年月 a date cell formatted yyyy"年"m"月" (Excel stored the 1st)',
    values: middle({ ...who('赵强', '19780719'), birthDate: day('1978-07-01'), approvalNo: '铜职改办【2010】21号', issueDate: '2010-12-20', obtainDate: '2010-11-15', committee: TL_ENG, certNo: 'TL2010215' }),
    numFmts: { birthDate: 'yyyy"年"m"月"' },
  },
  {
    note: '2012 会计师 by exam: the exam authority as 评审机构, no committee to verify',
    values: { ...who('孙静', '19840228'), series: '会计', level: '中级', title: '会计师', method: '考试', region: '铜梁区', hasSpecialty: '是', specialty: '会计', localSpecialty: '', authority: DISTRICT, approvalNo: '渝人社发【2012】150号', issueDate: '2012-12-28', obtainDate: '2012-10-13', committee: '人力资源和社会保障部人事考试中心', certNo: '1250012345' },
  },
  {
    note: '2012 经济师 by exam (工商管理)',
    values: { ...economist, series: '经济', level: '中级', title: '经济师', method: '考试', region: '铜梁区', hasSpecialty: '是', specialty: '其他', localSpecialty: '工商管理', authority: DISTRICT, approvalNo: '渝人社发【2012】151号', issueDate: '2012-12-28', obtainDate: '2012-11-03', committee: '人力资源和社会保障部人事考试中心', certNo: '1250020001' },
  },
  {
    note: '2016 经济师 by exam again (人力资源管理): the same person and title, another certificate',
    values: { ...economist, series: '经济', level: '中级', title: '经济师', method: '考试', region: '铜梁区', hasSpecialty: '是', specialty: '其他', localSpecialty: '人力资源管理', authority: DISTRICT, approvalNo: '渝人社发【2016】98号', issueDate: '2016-12-27', obtainDate: '2016-11-05', committee: '人力资源和社会保障部人事考试中心', certNo: '1650030002' },
  },
  {
    note: '2015 高级会计师: the committee was then named 高级, the 2021 list says 副高级',
    values: senior({ ...who('何芳', '19751103'), series: '会计', title: '高级会计师', specialty: '会计', approvalNo: '渝职改办【2015】88号', issueDate: '2015-12-25', obtainDate: '2015-11-20', committee: '重庆市会计专业高级职称评审委员会', certNo: 'CQKJ2015088' }),
    warnings: ['committee-name'],
  },
  {
    note: '2016 工程师 written 职称 where the guide names 职务 (the name changed over the years)',
    values: middle({ ...who('黄勇', '19860214'), approvalNo: '铜职改办【2016】19号', issueDate: '2016-12-20', obtainDate: '2016-11-18', committee: '重庆市工程技术中级职称铜梁区评审委员会', certNo: 'TL2016190' }),
    warnings: ['committee-name'],
  },
  {
    note: '2019 工程师, exactly as the guide names it; 出生年月 the number 1985.1 of an October birthday',
    values: middle({ ...who('吴波', '19851009'), birthDate: 1985.1, approvalNo: '铜职改办【2019】12号', issueDate: day('2019-12-20'), obtainDate: day('2019-11-15'), committee: TL_ENG, certNo: 'TL2019012' }),
  },
  {
    note: '2020 高级工程师 of the 建设 committee, the guide\'s 三（四）2 example',
    values: senior({ ...who('郑伟', '19790621'), approvalNo: '渝职改办【2020】125号', issueDate: '2020-12-30', obtainDate: '2020-11-28', committee: '重庆市工程技术建设专业副高级职称评审委员会', certNo: 'YGZ2020125007' }),
  },
  {
    note: '2021 主任医师 (内科), reviewed outside the platform\'s system: no certificate number',
    values: { ...who('钱敏', '19700312'), series: '卫生技术', level: '高级（正高）', title: '主任医师', method: '评审', region: '重庆市', hasSpecialty: '是', specialty: '其他', localSpecialty: '心血管内科', authority: CITY, approvalNo: '渝职改办【2021】60号', issueDate: '2021-12-28', obtainDate: '2021-11-20', committee: '重庆市卫生技术（内科）高级职称评审委员会', certNo: '' },
  },
  {
    note: '2022 助理工程师 by 初定, a sheet without 取得方式 (the platform has no such field)',
    values: { ...who('冯雪', '19980505'), series: '工程技术', level: '初级（含员级）', title: '助理工程师', region: '铜梁区', hasSpecialty: '是', specialty: '其他', localSpecialty: '土木工程', authority: DISTRICT, approvalNo: '铜职改办【2022】3号', issueDate: '2022-04-08', obtainDate: '2022-04-08', committee: '重庆市铜梁区职称改革办公室', certNo: '' },
    omit: ['method'],
  },
  {
    note: '2022 确认 of a 2010 工程师 from Sichuan: 取得时间 is the original title\'s date',
    values: middle({ ...who('蒋涛', '19820730'), method: '确认', approvalNo: '铜职改办【2022】5号', issueDate: '2022-06-15', obtainDate: '2010-12-20', committee: '重庆市铜梁区职称改革办公室', certNo: '川G2010456' }),
  },
  {
    note: '2023 确认 of a 高级 title, no 取得方式 column',
    values: senior({ ...who('沈洁', '19760918'), approvalNo: '渝职改办【2023】40号', issueDate: '2023-09-20', obtainDate: '2016-12-20', committee: '重庆市职称改革办公室', certNo: '黔G2016123' }),
    omit: ['method'],
  },
  {
    note: '2024 记者 of the 永川片区 committee, approved by the 片区 office',
    values: { ...who('韩梅', '19900117'), series: '新闻', level: '中级', title: '记者', method: '评审', region: '铜梁区', hasSpecialty: '是', specialty: '其他', localSpecialty: '新闻采编', authority: DISTRICT, approvalNo: '永职改办【2024】5号', issueDate: '2024-12-20', obtainDate: '2024-11-22', committee: '重庆市新闻专业中级职称永川片区评审委员会', certNo: '' },
  },
  {
    note: 'a transliterated name with its middle dot',
    values: middle({ ...who('阿依古丽·买买提', '19880303'), approvalNo: '铜职改办【2018】7号', issueDate: '2018-12-20', obtainDate: '2018-11-16', committee: TL_ENG, certNo: 'TL2018070' }),
  },
  {
    note: 'dates written 1999年12月20日 and an old short serial',
    values: middle({ ...who('杨帆', '19660824'), approvalNo: '铜职改办【1999】15号', issueDate: '1999年12月20日', obtainDate: '1999年11月5日', committee: TL_ENG, certNo: '0457' }),
  },
];
