/** What the terminal and JSON reports say about --cards: where the sheets are, and who got none and why. */
import type { Lang } from '../../engine/types.js';
import type { FieldKey } from '../../model/fields.js';
import type { CardsReport } from '../types.js';
import { CARDS_LINES_TEXT } from '../../i18n/cards.js';

/** Rows without a sheet listed in the terminal; the index page and JSON list them all. */
export const TERMINAL_MISSING_MAX = 30;

/** Lines for the pretty report (the caller masks ID numbers — the 身份证号 value with `maskId` — and shortens paths with `show`). */
export function cardsLines(
  report: CardsReport, lang: Lang, show: (path: string) => string = (p) => p, maskId: (id: string) => string = (id) => id,
): string[] {
  const t = CARDS_LINES_TEXT[lang];
  const lines = [t.written(show(report.index), report.sheets, report.people)];
  if (report.missing.length) {
    lines.push(t.missing(report.missing.length));
    for (const m of report.missing.slice(0, TERMINAL_MISSING_MAX)) {
      const fields = [...new Set(m.reasons.map((r) => r.label))].join(t.sep);
      lines.push(t.row(show(m.source.file), m.source.row, m.name, maskId(m.idNumber), fields));
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
