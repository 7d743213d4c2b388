/** The words of the registration sheets (--cards): the form's hints, the sheets and the index, the terminal's lines, the target's refusals. */
import { CITY } from '../data/city.js';
import type { CardAction, FormFieldKey, HintContext } from '../report/cards/types.js';
import { bilingual, type Bilingual, type InLangs } from './index.js';

const fixed = (zh: string, en: string): InLangs<() => string> => ({ zh: () => zh, en: () => en });

/** One line of the guide for each field of the form, in both languages; some depend on the row (level, method, year) and the district. */
export const FORM_HINTS: Record<FormFieldKey, InLangs<(c: HintContext) => string>> = {
  name: fixed('自动生成，无需填写；必须用持证人本人的账号登记，不能代他人申请', 'filled in from the account; register under the holder\'s own account, never for someone else'),
  idNumber: fixed('自动生成，无需填写；注册账号的身份证号须与持证人一致', 'filled in from the account; the account\'s ID number must be the holder\'s'),
  photo: fixed('本人彩色免冠照，JPG 或 PNG，不超过 200KB', 'the holder\'s colour ID photo, JPG or PNG, at most 200 KB'),
  attachment: {
    zh: (c) => (c.obtainYear !== null && c.obtainYear >= 2022
      ? '2022年以来的上传文件（批准文件），只支持 PDF，不超过 10M'
      : '2021年及以前的上传完整职称证书（含封面、照片页、基本信息页），只支持 PDF，不超过 10M'),
    en: (c) => (c.obtainYear !== null && c.obtainYear >= 2022
      ? 'from 2022 on: the approval document, PDF only, at most 10 MB'
      : '2021 or before: the whole certificate (cover, photo page, information page), PDF only, at most 10 MB'),
  },
  approvalNo: {
    zh: (c) => `照批准文件准确填写，括号用【】，如“${c.senior ? CITY.approvalNoExample : c.district.approvalNoExample}”`,
    en: (c) => `exactly as the approval document, year in 【】, e.g. ${c.senior ? CITY.approvalNoExample : c.district.approvalNoExample}`,
  },
  region: {
    zh: (c) => `高级职称选“${CITY.region}”，中、初级职称选“${c.district.region}”`,
    en: (c) => `senior titles: ${CITY.region}; intermediate and junior: ${c.district.region}`,
  },
  birthDate: fixed('与身份证保持一致（年-月）', 'as on the ID card (year-month)'),
  series: fixed('按评审通过的职称系列选择', 'the series the title was awarded in'),
  level: fixed('高级（正高）/高级（副高）/中级/初级（含员级），按评审通过的等级', '高级（正高）/高级（副高）/中级/初级（含员级), as awarded'),
  title: fixed('与职称级别、职称系列对应选择', 'the name that belongs to the level and series'),
  hasSpecialty: fixed('选择“是”', 'choose 是 (yes)'),
  issueDate: {
    zh: (c) => (c.method === '初定' ? '批准文件印发时间（初定：与取得时间相同）' : '批准文件印发时间'),
    en: (c) => (c.method === '初定' ? 'the date the approval document was issued (初定: the same as the date obtained)' : 'the date the approval document was issued'),
  },
  obtainDate: {
    zh: (c) => (c.method === '初定' ? '初定：取得时间与发证时间均为批准文件印发时间' : '批准文件中评委会评审通过的时间，与纸质证书上的批准时间一致'),
    en: (c) => (c.method === '初定' ? '初定: both dates are the date the approval document was issued' : 'the date the committee passed the title, as on the paper certificate'),
  },
  specialty: fixed('下拉栏中有与证书专业完全一致的直接选择；没有则选“其他”', 'choose the dropdown name identical to the certificate\'s specialty, else 其他'),
  localSpecialty: fixed('评审专业名称选“其他”时填写证书上的专业名称，否则不填', 'only with 其他: the specialty as on the certificate; otherwise empty'),
  authority: {
    zh: (c) => (c.senior ? `高级：默认为${CITY.authority}，无需选择` : `中、初级：选择“${c.district.authority}”`),
    en: (c) => (c.senior ? `senior: the platform sets ${CITY.authority}, nothing to choose` : `intermediate and junior: choose ${c.district.authority}`),
  },
  committee: {
    zh: (c) => (c.method === '初定' || c.method === '确认'
      ? (c.senior ? `确认（高级）填写“${CITY.office}”` : `初定、确认（中、初级）填写“${c.district.office.name}”`)
      : '批准文件中评审委员会的全称，请完整填写，不能简写'),
    en: (c) => (c.method === '初定' || c.method === '确认'
      ? (c.senior ? `确认 (senior): ${CITY.office}` : `初定/确认 (intermediate, junior): ${c.district.office.name}`)
      : 'the committee\'s full name as in the approval document, never shortened'),
  },
  certNo: fixed('2021年前取得：按纸质证书上的编号填写；2021年以来：不填，系统自动编号', 'obtained before 2021: the paper certificate\'s number; 2021 on: leave empty, the system numbers it'),
};

/** The labels and phrases of the sheets and the index. */
export const CARD_TEXT = {
  zh: {
    htmlLang: 'zh-CN',
    title: '职称电子证书登记填报单',
    lead: '登录“重庆市专业技术人员服务平台”，进入 职称 → 个人中心 → 我的证书 → 登记证书信息，按下表从上到下逐项填写、选择、上传。',
    own: '必须用本人账号登记，不能代他人申请。',
    head: ['条目', '平台栏目', '填写或选择的内容', '指南说明', '已填'],
    action: { auto: '自动生成', upload: '上传', choose: '选择', type: '填写', default: '无需选择', empty: '不填' } as Record<CardAction, string>,
    emptyValue: '（不填，留空）',
    defaultValue: '（系统默认，无需选择）',
    autoValue: '（核对即可）',
    noFile: '（未检查文件）',
    check: '请核对',
    checkLead: (n: number, list: boolean) => `本单有 ${n} 处需要核对，标“⚠”的栏目请先确认无误再填写${list ? '：' : '。'}`,
    notes: '说明',
    corrected: (from: string) => (from ? `登记表中为“${from}”，已按指南改正；请同时改正登记表` : '登记表中为空，已按指南填写；请同时补上登记表'),
    cleared: (from: string) => `登记表中为“${from}”，按指南此栏不填；请同时清空登记表`,
    fromId: '按身份证号中的出生日期',
    noColumn: '登记表中无此列，按指南',
    standardSeries: (name: string) => `标准名称为“${name}”，请在下拉栏中选对应的系列`,
    asInSheet: (text: string) => `登记表中写作“${text}”，下拉栏中的名称如上`,
    sizeKb: (kb: string) => `${kb} KB`,
    bytes: (n: string) => `${n} 字节`,
    pages: (n: number) => `${n} 页`,
    who: (level: string, series: string, method: string) => [level, series, method ? `${method}取得` : ''].filter(Boolean).join('，'),
    sequence: (n: number, of: number) => `本人共 ${of} 个证书，这是第 ${n} 份`,
    photoAlt: '免冠照缩略图',
    noPhoto: '无照片',
    source: (file: string, sheet: string, row: number) => `来源：${file}「${sheet}」第 ${row} 行`,
    generated: (at: string, version: string) => `cert-check ${version} 生成于 ${at}`,
    private: '本单含本人完整身份证号，仅供本人登记使用，请勿转发他人。',
    severity: { error: '错误', warning: '请核对', info: '提示' },
    indexTitle: '职称电子证书登记填报单 · 目录',
    indexLead: (sheets: number, people: number) => `共 ${people} 人、${sheets} 份填报单。每份填报单发给本人，按单在平台上用本人账号登记。`,
    indexMissingLead: (n: number) => `${n} 行有错误，未生成填报单：请先改正登记表，再重新检查。`,
    indexHead: ['序号', '姓名', '身份证号', '填报单', '需核对'],
    missingTitle: '未生成填报单的行',
    missingHead: ['序号', '姓名', '身份证号', '职称名称', '来源', '原因'],
    rowOf: (file: string, sheet: string, row: number) => `${file}${sheet ? `「${sheet}」` : ''} 第 ${row} 行`,
    warnings: (n: number) => (n ? `${n} 处` : '—'),
    alsoMissing: (n: number) => `另有 ${n} 个证书有错误，未生成`,
    noneWritten: '没有可以生成填报单的行。',
  },
  en: {
    htmlLang: 'en',
    title: 'Professional-title certificate registration sheet',
    lead: 'Log in to 重庆市专业技术人员服务平台, go to 职称 → 个人中心 → 我的证书 → 登记证书信息, and fill in, choose and upload each field below from top to bottom.',
    own: 'Register under your own account; never for someone else.',
    head: ['Guide', 'Platform field', 'Type or choose exactly', 'Guide says', 'Done'],
    action: { auto: 'filled in', upload: 'upload', choose: 'choose', type: 'type', default: 'nothing to choose', empty: 'leave empty' } as Record<CardAction, string>,
    emptyValue: '(leave empty)',
    defaultValue: '(set by the platform)',
    autoValue: '(check only)',
    noFile: '(files not checked)',
    check: 'Please check',
    checkLead: (n: number, list: boolean) => `${n} point${n === 1 ? '' : 's'} to check on this sheet; confirm the fields marked ⚠ before filling them in${list ? ':' : '.'}`,
    notes: 'Notes',
    corrected: (from: string) => (from ? `the records sheet says "${from}", corrected by the guide; correct the records sheet too` : 'empty in the records sheet, filled in by the guide; add it to the records sheet too'),
    cleared: (from: string) => `the records sheet says "${from}"; by the guide this field stays empty: clear it in the records sheet too`,
    fromId: 'from the date of birth in the ID number',
    noColumn: 'the records sheet has no such column; by the guide',
    standardSeries: (name: string) => `the standard name is "${name}": choose that series in the dropdown`,
    asInSheet: (text: string) => `the records sheet says "${text}"; the dropdown's name is above`,
    sizeKb: (kb: string) => `${kb} KB`,
    bytes: (n: string) => `${n} bytes`,
    pages: (n: number) => `${n} page${n === 1 ? '' : 's'}`,
    who: (level: string, series: string, method: string) => [level, series, method].filter(Boolean).join(', '),
    sequence: (n: number, of: number) => `sheet ${n} of ${of} for this person`,
    photoAlt: 'photo thumbnail',
    noPhoto: 'no photo',
    source: (file: string, sheet: string, row: number) => `From ${file}, sheet "${sheet}", row ${row}`,
    generated: (at: string, version: string) => `made by cert-check ${version} on ${at}`,
    private: 'This sheet holds the holder\'s full ID number: for the holder only, do not forward it.',
    severity: { error: 'error', warning: 'check', info: 'note' },
    indexTitle: 'Registration sheets · index',
    indexLead: (sheets: number, people: number) => `${sheets} sheet${sheets === 1 ? '' : 's'} for ${people} ${people === 1 ? 'person' : 'people'}. Give each sheet to its holder, who registers under their own account.`,
    indexMissingLead: (n: number) => `${n} row${n === 1 ? '' : 's'} with errors got no sheet: correct the records sheet and check again.`,
    indexHead: ['No.', 'Name', 'ID number', 'Sheets', 'To check'],
    missingTitle: 'Rows without a sheet',
    missingHead: ['No.', 'Name', 'ID number', 'Title', 'From', 'Why'],
    rowOf: (file: string, sheet: string, row: number) => `${file}${sheet ? `, "${sheet}"` : ''}, row ${row}`,
    warnings: (n: number) => (n ? String(n) : '—'),
    alsoMissing: (n: number) => `${n} more certificate${n === 1 ? '' : 's'} with errors, no sheet`,
    noneWritten: 'No row could be given a sheet.',
  },
} as const satisfies InLangs<unknown>;

/** What the terminal says about the sheets written and the rows that got none. */
export const CARDS_LINES_TEXT = {
  zh: {
    written: (index: string, sheets: number, people: number) => `已写出填报单：${index}（${people} 人，${sheets} 份）`,
    missing: (n: number) => `以下 ${n} 行有错误，未生成填报单（改正后重新检查）：`,
    row: (file: string, row: number, name: string, id: string, fields: string) => `  ${file} 第 ${row} 行 ${name || '（无姓名）'}${id ? `（${id}）` : ''}：${fields}有错误`,
    more: (n: number, index: string) => `  …另有 ${n} 行，见 ${index}`,
    sep: '、',
  },
  en: {
    written: (index: string, sheets: number, people: number) => `Registration sheets written: ${index} (${sheets} for ${people} ${people === 1 ? 'person' : 'people'})`,
    missing: (n: number) => `${n} row${n === 1 ? '' : 's'} with errors got no sheet (correct them and check again):`,
    row: (file: string, row: number, name: string, id: string, fields: string) => `  ${file} row ${row} ${name || '(no name)'}${id ? ` (${id})` : ''}: errors in ${fields}`,
    more: (n: number, index: string) => `  … ${n} more, see ${index}`,
    sep: ', ',
  },
} as const satisfies InLangs<unknown>;

/** Why a --cards folder is refused before any work (an InputError's detail). */
export const CARDS_TARGET = {
  file: (target: string): Bilingual => bilingual(`--cards 应为文件夹，而 ${target} 是一个文件`, `--cards needs a folder; ${target} is a file`),
  parentFile: (target: string, parent: string): Bilingual => bilingual(`--cards 的文件夹 ${target} 无法创建：${parent} 是一个文件`, `the --cards folder ${target} cannot be made: ${parent} is a file`),
  assets: (target: string, exampleZh: string, exampleEn: string): Bilingual => bilingual(
    `--cards 的文件夹 ${target} 就是素材文件夹：填报单会混进照片和 PDF 中；请指定一个新的文件夹（如 ${exampleZh}）`,
    `the --cards folder ${target} is the assets folder: the sheets would mix with the photos and PDFs; name a new folder (e.g. ${exampleEn})`,
  ),
  input: (target: string, input: string): Bilingual => bilingual(
    `--cards 的文件夹 ${target} 中有输入文件 ${input}：请为填报单指定一个新的或空的文件夹`,
    `the --cards folder ${target} holds the input ${input}: give the sheets a new or empty folder`,
  ),
  others: (target: string, entry: string): Bilingual => bilingual(
    `--cards 的文件夹 ${target} 中已有其他文件（如 ${entry}），且不是 cert-check 写出的填报单文件夹；为免覆盖，请指定一个新的或空的文件夹`,
    `the --cards folder ${target} already holds other files (e.g. ${entry}) and is not a folder of sheets cert-check wrote; to overwrite nothing, choose a new or empty folder`,
  ),
};
