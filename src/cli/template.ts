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
 * The dropdown values are the very values the rules accept (PLATFORM_LEVELS, the series table, METHODS, the
 * city's and the district's region and authority), so a row filled from the lists gets no error for them; the
 * district and the lists are the run's reference data (the district profile, the config's additions). An
 * existing file is never overwritten.
 */
import { lstatSync } from 'node:fs';
import { resolve } from 'node:path';
import { CITY } from '../data/city.js';
import { PLATFORM_LEVELS } from '../data/levels.js';
import { METHODS } from '../data/methods.js';
import type { Lang, ReferenceData } from '../engine/types.js';
import { InputError } from '../errors.js';
import { loadReferenceData } from '../data/reference.js';
import { GUIDE_TITLE } from '../i18n/report.js';
import { PUNCT } from '../i18n/index.js';
import { TEMPLATE_EXISTS, templatePrompts, TEMPLATE_TEXT, type Prompt } from '../i18n/template.js';
import type { CommitteeEntry } from '../match/committee.js';
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

export interface TemplateOptions {
  lang: Lang;
  /** The district, its committees and the dropdown names (default: data/ as shipped). */
  data?: ReferenceData;
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

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** The input message of a field: title "<header>（指南三（…））", the guide's words. */
export function promptOf(p: Prompt, key: FieldKey, lang: Lang): { promptTitle: string; prompt: string } {
  const title = GUIDE_TITLE[lang](FIELDS[key].header, p.guide);
  return { promptTitle: clip(title, PROMPT_TITLE_MAX), prompt: clip(p[lang], PROMPT_MAX) };
}

/** Refuses any existing path (file, folder or link): the template never overwrites. */
function assertFree(path: string): void {
  let exists = true;
  try {
    lstatSync(path);
  } catch {
    exists = false;
  }
  if (!exists) return;
  throw new InputError('usage', { detail: TEMPLATE_EXISTS(path) });
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
  const t = TEMPLATE_TEXT[lang];
  assertFree(path ?? DEFAULT_TEMPLATE_NAME);
  const data = opts.data ?? loadReferenceData();
  const { guide, district } = data;
  const committees = data.committees.entries;
  const prompts = templatePrompts(district);
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
      region: { formula: inlineListFormula([CITY.region, district.region])!, strict: true },
      hasSpecialty: { formula: inlineListFormula(['是'])!, strict: true },
      authority: { formula: inlineListFormula([CITY.authority, district.authority]) ?? sheetRange(LIST_SHEET, 2, 2, 3), strict: true },
      committee: { formula: sheetRange(COMMITTEE_SHEET, 2, 2, committees.length + 1), strict: false },
    };
    const notes = new SheetNotes(await readExistingNotes(null, null, 'keep', TEMPLATE_NOTE_AUTHOR), await readExistingVml(null, null, () => true), 1);
    const header = FIELD_KEYS.map((k, i) => {
      const required = REQUIRED_FIELDS.includes(k);
      const s = styles.style({ bold: true, fill: 'FFD9E1F2', horizontal: 'center', vertical: 'center', wrap: true, ...(required ? { color: 'FFC00000' } : {}) });
      const p = promptOf(prompts[k], k, lang);
      notes.add({ row: 1, col: i + 1, text: `${p.promptTitle}${required ? t.required : ''}\n${prompts[k][lang]}` });
      return textCell(`${columnLetter(i + 1)}1`, FIELDS[k].header, s);
    }).join('');
    const validations: Validation[] = FIELD_KEYS.map((k, i) => {
      const c = columnLetter(i + 1);
      const p = promptOf(prompts[k], k, lang);
      const list = lists[k];
      const prompt = { title: p.promptTitle, text: p.prompt };
      if (!list) return { sqref: `${c}2:${c}${lastRow}`, type: 'any', prompt };
      return {
        sqref: `${c}2:${c}${lastRow}`, type: 'list', formula: list.formula, allowBlank: true, prompt,
        ...(list.strict ? { error: { title: t.listErrorTitle, text: clip(`${t.listError}${PUNCT[lang].stop}${prompts[k][lang]}`, ERROR_MAX), style: 'stop' as const } } : {}),
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
    for (let i = 0; i < Math.max(series.length, 2); i++) lines.push({ values: [series[i] ?? null, i < 2 ? [CITY.authority, district.authority][i]! : null], bold: false });
    const hidden = await book.addLines(LIST_SHEET, lines, [20, 48]);
    hidden.state = 'hidden';
  });
}
