/** What the terminal and JSON reports say about --cards: where the sheets are, and who got none and why. */
import type { Lang } from '../../engine/types.js';
import type { FieldKey } from '../../model/fields.js';
import type { CardsReport } from '../types.js';

/** Rows without a sheet listed in the terminal; the index page and JSON list them all. */
export const TERMINAL_MISSING_MAX = 30;

const TEXT = {
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
} as const;

/** Lines for the pretty report (the caller masks ID numbers and shortens paths with `show`). */
export function cardsLines(report: CardsReport, lang: Lang, show: (path: string) => string = (p) => p): string[] {
  const t = TEXT[lang];
  const lines = [t.written(show(report.index), report.sheets, report.people)];
  if (report.missing.length) {
    lines.push(t.missing(report.missing.length));
    for (const m of report.missing.slice(0, TERMINAL_MISSING_MAX)) {
      const fields = [...new Set(m.reasons.map((r) => r.label))].join(t.sep);
      lines.push(t.row(show(m.source.file), m.source.row, m.name, m.idNumber, fields));
    }
    if (report.missing.length > TERMINAL_MISSING_MAX) lines.push(t.more(report.missing.length - TERMINAL_MISSING_MAX, show(report.index)));
  }
  return lines;
}

/** The `cards` member of the JSON report (the caller masks it). */
export interface JsonCards {
  dir: string;
  index: string;
  sheets: number;
  people: number;
  missing: {
    file: string; sheet: string; row: number; name: string; idNumber: string; title: string;
    reasons: { field: FieldKey | null; rule: string; message: string }[];
  }[];
}

export function jsonCards(report: CardsReport): JsonCards {
  return {
    dir: report.dir,
    index: report.index,
    sheets: report.sheets,
    people: report.people,
    missing: report.missing.map((m) => ({
      file: m.source.file, sheet: m.source.sheet, row: m.source.row, name: m.name, idNumber: m.idNumber, title: m.title,
      reasons: m.reasons.map((r) => ({ field: r.field, rule: r.rule, message: r.message })),
    })),
  };
}
