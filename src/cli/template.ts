/**
 * `cert-check template [file]`: a blank registration workbook the checker reads without complaint.
 *
 * Sheet 登记表: the canonical headers in the platform's order (FIELD_KEYS), header frozen with the 姓名
 * column, column widths; 身份证号, 证书编号 and 批准文号 formatted as text (so Excel keeps all 18 digits
 * and the 【】 as typed), 出生年月 also as text (see DATE_FORMATS), 发证时间 / 取得时间 as yyyy-mm-dd dates.
 * Every data cell of a column carries one data validation whose input message quotes the guide's words
 * for the field (三（一）…（十五））; the fixed choices are dropdown lists that refuse other values:
 * 职称级别, 职称系列, 取得方式, 行政区划, 评审活动是否设置评审专业, 审核机关（单位）. 评审机构 offers the
 * official names as a dropdown but accepts any text (committees of other years and districts exist).
 * Lists that fit Excel's 255-character limit are written inline; longer or data-driven ones reference a
 * range on the hidden sheet 下拉选项 (or on 评审机构名称).
 *
 * Sheet 评审机构名称: every official committee (序号, 名称, 级别, 系列, 范围, 组建单位, 来源).
 *
 * The dropdown values are the very values the rules accept (PLATFORM_LEVELS, the series table, METHODS,
 * the authorities of rules/authority-by-level.ts), so a row filled from the lists gets no error for them.
 * An existing file is never overwritten.
 */
import { lstatSync } from 'node:fs';
import { resolve } from 'node:path';
import { CITY_AUTHORITY, DISTRICT_AUTHORITY } from '../../rules/authority-by-level.js';
import { loadGuideData } from '../data/guide.js';
import { PLATFORM_LEVELS } from '../data/levels.js';
import { METHODS } from '../data/methods.js';
import { guideSectionEn } from '../engine/messages.js';
import type { Lang } from '../engine/types.js';
import { InputError } from '../errors.js';
import { loadCommitteeMatcher, type CommitteeEntry } from '../match/committee.js';
import { columnLetter, FIELD_KEYS, FIELDS, REQUIRED_FIELDS, type FieldKey } from '../model/fields.js';
import { writeNewWorkbook, type SummaryLine } from '../report/xlsx/book.js';
import { readExistingNotes, readExistingVml, SheetNotes } from '../report/xlsx/notes.js';
import { CT, REL, relativeTarget } from '../report/xlsx/package.js';
import { sheetHead, sheetTail, textCell, type TableColumn, type Validation } from '../report/xlsx/sheet-xml.js';

export const DEFAULT_TEMPLATE_NAME = '职称电子证书登记模板.xlsx';
export const TEMPLATE_SHEET = '登记表';
export const COMMITTEE_SHEET = '评审机构名称';
export const LIST_SHEET = '下拉选项';
/** Data rows that carry the validations and formats (rows 2 … TEMPLATE_ROWS + 1). */
export const TEMPLATE_ROWS = 2000;
/** Excel refuses an inline list formula longer than this (the quotes included). */
export const INLINE_LIST_MAX = 255;
/** Excel's limits on a validation's input message and its title. */
export const PROMPT_MAX = 255;
export const PROMPT_TITLE_MAX = 32;
/** Excel's limit on a validation's error message. */
export const ERROR_MAX = 225;

/**
 * Number formats by field. 出生年月 is text rather than a date: typed as 1980.01 or 198001 into a
 * date-formatted cell, Excel would store a number and show (and the checker read) a wrong date; as text
 * every usual form (1980-01, 1980.01, 1980年1月) is kept as typed and the checker reads it.
 */
export const TEXT_FIELDS: readonly FieldKey[] = ['idNumber', 'birthDate', 'approvalNo', 'certNo'];
export const DATE_FIELDS: readonly FieldKey[] = ['issueDate', 'obtainDate'];
export const DATE_FORMAT = 'yyyy-mm-dd';

const WIDTHS: Record<FieldKey, number> = {
  name: 10, idNumber: 21, birthDate: 10, series: 16, level: 14, title: 16, method: 10, approvalNo: 22, region: 10,
  hasSpecialty: 12, specialty: 14, localSpecialty: 14, issueDate: 12, obtainDate: 12, authority: 30, committee: 44,
  certNo: 18, photo: 24, attachment: 28,
};

interface Prompt {
  guide: string;
  zh: string;
  en: string;
}

/** The input message of each column: the guide's words (三（…）), then what to type in this sheet. */
export const PROMPTS: Record<FieldKey, Prompt> = {
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
    zh: '批准文号要准确填写，注意括号格式按【】填写。高级职称以重庆市职改办批准文件为准，如“渝职改办【2019】XX号”；铜梁区评审通过的中、初级以铜梁区职改办批准文件为准，片区评审通过的中、初级以片区职改办批准文件为准。',
    en: 'Guide: write the approval number exactly, the year in 【】, e.g. 渝职改办【2019】XX号 for senior titles; intermediate/junior titles take the number of the 铜梁区 or 片区 office\'s document.',
  },
  region: {
    guide: '三（五）',
    zh: '行政区划：高级职称请选择“重庆市”，中、初级职称请选择“铜梁区”。',
    en: 'Guide: 重庆市 for senior titles, 铜梁区 for intermediate and junior titles.',
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
    zh: '职称级别选择高级，审核机关（单位）默认为重庆市人力资源和社会保障局（重庆市职称改革办公室），无需选择。职称级别选择中、初级，则根据人事主管权限选择“铜梁区人力资源和社会保障局”。',
    en: 'Guide: senior titles: the city bureau (filled by the platform, may stay empty); intermediate and junior titles: 铜梁区人力资源和社会保障局.',
  },
  committee: {
    guide: '三（十四）',
    zh: '评审机构为批准文件中对所获职称进行评审的相应级别的评审委员会，请完整填写（见“评审机构名称”表）。初定、确认（中、初级）填写重庆市铜梁区职称改革办公室；确认（高级）填写重庆市职称改革办公室。',
    en: 'Guide: the committee named in the approval document, in full (see the 评审机构名称 sheet). 初定/确认 of intermediate/junior titles: 重庆市铜梁区职称改革办公室; 确认 of senior titles: 重庆市职称改革办公室.',
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

export interface TemplateOptions {
  lang: Lang;
}

/** A list validation's formula: inline when it fits Excel's limit, else null (the caller uses a range). */
export function inlineListFormula(values: readonly string[]): string | null {
  if (values.some((v) => v.includes(',') || v.includes('"'))) return null;
  const formula = `"${values.join(',')}"`;
  return formula.length <= INLINE_LIST_MAX ? formula : null;
}

/** An absolute range reference on another sheet, e.g. '下拉选项'!$A$2:$A$32. */
export function sheetRange(sheet: string, column: number, first: number, last: number): string {
  const c = columnLetter(column);
  return `'${sheet.replace(/'/g, "''")}'!$${c}$${first}:$${c}$${last}`;
}

const TEXT = {
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
} as const;

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** The input message of a field: title "<header>（指南三（…））", the guide's words. */
export function promptOf(key: FieldKey, lang: Lang): { promptTitle: string; prompt: string } {
  const p = PROMPTS[key];
  const title = lang === 'zh' ? `${FIELDS[key].header}（指南${p.guide}）` : `${FIELDS[key].header} (guide §${guideSectionEn(p.guide)})`;
  return { promptTitle: clip(title, PROMPT_TITLE_MAX), prompt: clip(p[lang], PROMPT_MAX) };
}

/** Refuses any existing path (file, folder or link): the template never overwrites. */
function assertFree(path: string, lang: Lang): void {
  let exists = true;
  try {
    lstatSync(path);
  } catch {
    exists = false;
  }
  if (!exists) return;
  throw new InputError('usage', {
    detail: lang === 'zh'
      ? `${path} 已存在，模板不会覆盖已有文件；请换一个文件名，或先移走该文件`
      : `${path} already exists and the template never overwrites a file; choose another name or move the file away`,
  });
}

function committeeRow(e: CommitteeEntry, n: number): (string | number | null)[] {
  return [
    n, e.name, e.levels.join('、'), e.series ? e.series.join('、') : null, e.range ?? null, e.organiser ?? null,
    e.item ? `指南附件2 第${e.item}项` : e.source,
  ];
}

/** Who the template's header notes are by (not cert-check's marks: a check keeps them). */
export const TEMPLATE_NOTE_AUTHOR = '填写说明';

/** Writes the blank template to `path` (default: DEFAULT_TEMPLATE_NAME in the working directory); returns the path. */
export async function writeTemplate(path: string | undefined, opts: TemplateOptions): Promise<string> {
  const out = resolve(path ?? DEFAULT_TEMPLATE_NAME);
  const lang = opts.lang;
  const t = TEXT[lang];
  assertFree(path ?? DEFAULT_TEMPLATE_NAME, lang);
  const guide = loadGuideData();
  const committees = loadCommitteeMatcher().entries;
  const series = [...guide.seriesNames];
  const lastRow = TEMPLATE_ROWS + 1;

  return writeNewWorkbook(out, 'template', async (book) => {
    const styles = book.styles;
    // 登记表: headers with notes, text and date columns, one validation per column.
    const ws = book.addSheet(TEMPLATE_SHEET);
    const columns = FIELD_KEYS.map((k) => {
      const numFmt = TEXT_FIELDS.includes(k) ? '@' : DATE_FIELDS.includes(k) ? DATE_FORMAT : undefined;
      return { width: WIDTHS[k], style: numFmt ? styles.style({ numFmt }) : undefined };
    });
    const lists: Partial<Record<FieldKey, { formula: string; strict: boolean }>> = {
      level: { formula: inlineListFormula(PLATFORM_LEVELS)!, strict: true },
      // Data-driven and long: always a range, so a longer series table never breaks the 255-character limit.
      series: { formula: sheetRange(LIST_SHEET, 1, 2, series.length + 1), strict: true },
      method: { formula: inlineListFormula(METHODS)!, strict: true },
      region: { formula: inlineListFormula(['重庆市', '铜梁区'])!, strict: true },
      hasSpecialty: { formula: inlineListFormula(['是'])!, strict: true },
      authority: { formula: inlineListFormula([CITY_AUTHORITY, DISTRICT_AUTHORITY]) ?? sheetRange(LIST_SHEET, 2, 2, 3), strict: true },
      committee: { formula: sheetRange(COMMITTEE_SHEET, 2, 2, committees.length + 1), strict: false },
    };
    const notes = new SheetNotes(await readExistingNotes(null, null, 'keep', TEMPLATE_NOTE_AUTHOR), await readExistingVml(null, null, () => true), 1);
    const header = FIELD_KEYS.map((k, i) => {
      const required = REQUIRED_FIELDS.includes(k);
      const s = styles.style({ bold: true, fill: 'FFD9E1F2', horizontal: 'center', vertical: 'center', wrap: true, ...(required ? { color: 'FFC00000' } : {}) });
      const p = promptOf(k, lang);
      notes.add({ row: 1, col: i + 1, text: `${p.promptTitle}${required ? t.required : ''}\n${PROMPTS[k][lang]}` });
      return textCell(`${columnLetter(i + 1)}1`, FIELDS[k].header, s);
    }).join('');
    const validations: Validation[] = FIELD_KEYS.map((k, i) => {
      const c = columnLetter(i + 1);
      const p = promptOf(k, lang);
      const list = lists[k];
      const prompt = { title: p.promptTitle, text: p.prompt };
      if (!list) return { sqref: `${c}2:${c}${lastRow}`, type: 'any', prompt };
      return {
        sqref: `${c}2:${c}${lastRow}`, type: 'list', formula: list.formula, allowBlank: true, prompt,
        ...(list.strict ? { error: { title: t.listErrorTitle, text: clip(`${t.listError}${lang === 'zh' ? '。' : '. '}${PROMPTS[k][lang]}`, ERROR_MAX), style: 'stop' as const } } : {}),
      };
    });
    const rels = await book.rels(ws.part!);
    const commentsPart = book.freePart('xl/comments', '.xml');
    const vmlPart = book.freePart('xl/drawings/vmlDrawing', '.vml');
    rels.add(REL.comments, relativeTarget(ws.part!, commentsPart));
    const vmlRid = rels.add(REL.vmlDrawing, relativeTarget(ws.part!, vmlPart));
    await book.writeStream(ws.part!, [
      sheetHead({ widths: columns, freeze: { rows: 1, cols: 1 }, tabSelected: true }),
      `<row r="1" ht="33" customHeight="1">${header}</row>`,
      sheetTail({ validations, legacyRid: vmlRid }),
    ], null, true);
    await book.writeStream(commentsPart, notes.commentsPart(), CT.comments);
    book.contentTypes.ensureDefault('vml', CT.vml);
    await book.writeStream(vmlPart, notes.vmlPart(), null);

    // 评审机构名称
    const committeeColumns: TableColumn[] = t.committeeHead.map((h, i) => ({ header: h, min: [5, 40, 12, 10, 8, 12, 14][i]!, max: [6, 56, 18, 16, 16, 22, 22][i]!, wrap: i === 1 }));
    await book.addTable(COMMITTEE_SHEET, committeeColumns, function* () {
      for (const [i, e] of committees.entries()) yield { values: committeeRow(e, i + 1) };
    }, { filter: true });

    // 下拉选项 (hidden): the long lists.
    const lines: SummaryLine[] = [{ values: [t.listHead, FIELDS.authority.header], bold: true }];
    for (let i = 0; i < Math.max(series.length, 2); i++) lines.push({ values: [series[i] ?? null, i < 2 ? [CITY_AUTHORITY, DISTRICT_AUTHORITY][i]! : null], bold: false });
    const hidden = await book.addLines(LIST_SHEET, lines, [20, 48]);
    hidden.state = 'hidden';
  });
}
