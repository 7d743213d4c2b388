/** The words of the blank registration template (`cert-check template`): its column prompts and messages. */
import { CITY } from '../data/city.js';
import type { DistrictProfile } from '../data/district.js';
import type { FieldKey } from '../model/fields.js';
import { bilingual, type Bilingual, type InLangs } from './index.js';

export interface Prompt {
  guide: string;
  zh: string;
  en: string;
}

/** The input message of each column: the guide's words (三（…）), then what to type in this sheet; the district's own values where the guide names its district's. */
export function templatePrompts(district: DistrictProfile): Record<FieldKey, Prompt> {
  return {
    name: {
      guide: '三（一）',
      zh: '姓名、身份证号：自动生成，无需填写。（注意：注册个人用户时，姓名、身份证号必须与持证人保持一致，不能代其他人申请。）本表中请填写持证人姓名，不要加空格。',
      en: 'Guide: name and ID number are filled automatically on the platform and must be the certificate holder\'s own. Here: the holder\'s name, without spaces.',
    },
    idNumber: {
      guide: '三（一）',
      zh: '姓名、身份证号必须与持证人保持一致。请填写18位身份证号，末位X大写；本列为文本格式，Excel 不会丢失末尾数字。',
      en: 'Guide: must be the certificate holder\'s. The 18-character resident ID number, final X upper case; this column is text, so Excel keeps every digit.',
    },
    birthDate: {
      guide: '三（六）',
      zh: '出生年月：请准确填写，与身份证保持一致。如 1980-01（本列为文本格式）。',
      en: 'Guide: date of birth, exactly as on the ID card, e.g. 1980-01 (this column is text).',
    },
    series: {
      guide: '三（七）',
      zh: '职称系列：请按照评审通过的职称系列选择。',
      en: 'Guide: choose the title series in which the title was awarded.',
    },
    level: {
      guide: '三（八）',
      zh: '职称级别：请按评审通过的职称等级进行选择，职称等级分为高级（正高）、高级（副高）、中级、初级（含员级）。',
      en: 'Guide: choose the level awarded: 高级（正高） (full senior), 高级（副高） (associate senior), 中级 (intermediate), 初级（含员级） (junior).',
    },
    title: {
      guide: '三（九）',
      zh: '职称名称：请与职称级别和系列对应选择。如 工程技术 中级 → 工程师。',
      en: 'Guide: the title name must match the level and the series, e.g. 工程技术 中级 → 工程师.',
    },
    method: {
      guide: '三（十四）',
      zh: '取得方式：评审、初定（职称考核确定）、确认（来渝确认）、考试、认定；不填视为评审。初定、确认取得的职称，评审机构填写职称改革办公室（指南三（十四）2）。',
      en: 'How the title was obtained: 评审 (review), 初定, 确认, 考试 (exam), 认定; empty means 评审. For 初定/确认 the 评审机构 is the title-reform office (guide 三（十四）2).',
    },
    approvalNo: {
      guide: '三（四）',
      zh: `批准文号要准确填写，注意括号格式按【】填写。高级职称以重庆市职改办批准文件为准，如“${CITY.approvalNoExample}”；${district.name}评审通过的中、初级以${district.name}职改办批准文件为准，片区评审通过的中、初级以片区职改办批准文件为准。`,
      en: `Guide: write the approval number exactly, the year in 【】, e.g. ${CITY.approvalNoExample} for senior titles; intermediate/junior titles take the number of the ${district.name} or 片区 office's document.`,
    },
    region: {
      guide: '三（五）',
      zh: `行政区划：高级职称请选择“${CITY.region}”，中、初级职称请选择“${district.region}”。`,
      en: `Guide: ${CITY.region} for senior titles, ${district.region} for intermediate and junior titles.`,
    },
    hasSpecialty: {
      guide: '三（十）',
      zh: '评审活动是否设置评审专业：选择“是”。',
      en: 'Guide: choose 是 (yes).',
    },
    specialty: {
      guide: '三（十二）',
      zh: '如“评审专业名称”下拉栏中已有对应专业名称（与证书上的专业方向完全一致），请直接选择，“本地评审专业”无需填写；如无对应专业，请选择“其他”并在“本地评审专业”中填写评委会评审通过的专业名称。',
      en: 'Guide: if the platform\'s specialty list has the certificate\'s specialty exactly, choose it and leave 本地评审专业 empty; otherwise choose 其他 and type the specialty in 本地评审专业.',
    },
    localSpecialty: {
      guide: '三（十二）',
      zh: '仅当“评审专业名称”选择“其他”时填写，应与职称证书上的专业名称一致。如证书上是建筑工程，下拉栏中只有建设专业，应选择“其他”，在此填写“建筑工程”。',
      en: 'Guide: only when 评审专业名称 is 其他: the specialty as printed on the certificate, e.g. 建筑工程 when the list only has 建设.',
    },
    issueDate: {
      guide: '三（十一）',
      zh: '发证时间为批准文件印发时间。初定的取得时间和发证时间均为批准文件印发时间。如 2019-12-20。',
      en: 'Guide: the date the approval document was issued (for 初定 both dates are that date), e.g. 2019-12-20.',
    },
    obtainDate: {
      guide: '三（十一）',
      zh: '取得时间为批准文件中评委会评审通过的时间，应与纸质证书上的批准时间一致；初定的取得时间和发证时间均为批准文件印发时间。如 2019-11-15。',
      en: 'Guide: the date the committee passed the candidate, as on the paper certificate (for 初定: the document\'s date), e.g. 2019-11-15.',
    },
    authority: {
      guide: '三（十三）',
      zh: `职称级别选择高级，审核机关（单位）默认为${CITY.authority}，无需选择。职称级别选择中、初级，则根据人事主管权限选择“${district.authority}”。`,
      en: `Guide: senior titles: the city bureau (filled by the platform, may stay empty); intermediate and junior titles: ${district.authority}.`,
    },
    committee: {
      guide: '三（十四）',
      zh: `评审机构为批准文件中对所获职称进行评审的相应级别的评审委员会，请完整填写（见“评审机构名称”表）。初定、确认（中、初级）填写${district.office.name}；确认（高级）填写${CITY.office}。`,
      en: `Guide: the committee named in the approval document, in full (see the 评审机构名称 sheet). 初定/确认 of intermediate/junior titles: ${district.office.name}; 确认 of senior titles: ${CITY.office}.`,
    },
    certNo: {
      guide: '三（十五）',
      zh: '取得时间在2021年前的，请按照纸质职称证书上的编号准确填写；取得时间在2021以来的，不需要填写证书编号。（本列为文本格式）',
      en: 'Guide: obtained before 2021: the number printed on the paper certificate; obtained in 2021 or later: leave empty (this column is text).',
    },
    photo: {
      guide: '三（二）',
      zh: '免冠照：个人的彩色免冠照，图片大小不能超过200kb，支持格式：JPG，PNG。填写照片文件名（如 身份证号.jpg）；不填则按身份证号在素材文件夹中查找。',
      en: 'Guide: a colour ID photo, at most 200 KB, JPG or PNG. The photo\'s file name (e.g. <ID number>.jpg); empty: found by the ID number in the assets folder.',
    },
    attachment: {
      guide: '三（三）',
      zh: '2021年及以前的请上传职称证书（必须含封面、照片页、基本信息页），2022年以来的请上传文件，附件大小不超过10M，只支持PDF文件。填写PDF文件名；不填则按身份证号查找。',
      en: 'Guide: up to 2021 the whole certificate (cover, photo page, information page), from 2022 the approval document; PDF only, at most 10 MB. The PDF\'s file name; empty: found by the ID number.',
    },
  };
}

/** The template's own words. */
export const TEMPLATE_TEXT = {
  zh: {
    listError: '请从下拉列表中选择',
    listErrorTitle: '不是可选的值',
    required: '（必填）',
    committeeHead: ['序号', '名称', '级别', '系列', '范围', '组建单位', '来源'],
    listHead: '职称系列',
  },
  en: {
    listError: 'Choose a value from the dropdown list',
    listErrorTitle: 'Not one of the choices',
    required: ' (required)',
    committeeHead: ['序号', '名称', '级别', '系列', '范围', '组建单位', '来源'],
    listHead: '职称系列',
  },
} as const satisfies InLangs<unknown>;

/** The template never overwrites a file. */
export const TEMPLATE_EXISTS = (path: string): Bilingual => bilingual(
  `${path} 已存在，模板不会覆盖已有文件；请换一个文件名，或先移走该文件`,
  `${path} already exists and the template never overwrites a file; choose another name or move the file away`,
);
