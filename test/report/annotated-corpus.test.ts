/**
 * Real workbooks made by other programs (the exceljs corpus: Excel, LibreOffice, Google Sheets, WPS, files
 * from bug reports; and the LibreOffice-saved fixtures) marked by the writer: the first sheet with rows is
 * treated as checked (its first row as the header), every third row gets a problem on its first cell and every
 * fifth a problem of the whole row. Every part the marks do not touch comes out byte for byte, and in the marked
 * sheet every cell keeps its content and attributes (only the style index of a marked cell changes) and, as
 * exceljs reads it, its value and its style apart from the fill.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { columnLetter, refColumn } from '../../src/model/fields.js';
import { openInput } from '../../src/read/index.js';
import type { ReadEvent, SheetInfo } from '../../src/read/types.js';
import { AnnotatedWorkbook } from '../../src/report/xlsx/annotated.js';
import { readMarker, readMarkerDetails } from '../../src/report/xlsx/marker.js';
import { relsPartOf, resolveTarget } from '../../src/report/xlsx/package.js';
import { EXCELJS_CORPUS, REPO_ROOT } from '../helpers/paths.js';
import { attrsOf, elements, openWorkbook, rowsOf, styleButFill, text, zipParts } from './package-helpers.js';
import { MESSAGES } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'cert-check-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FILES = [
  ...readdirSync(EXCELJS_CORPUS).filter((f) => f.endsWith('.xlsx')).map((f) => join(EXCELJS_CORPUS, f)),
  ...readdirSync(join(REPO_ROOT, 'test/fixtures/libreoffice')).filter((f) => f.endsWith('.xlsx')).map((f) => join(REPO_ROOT, 'test/fixtures/libreoffice', f)),
];

interface Marked {
  out: string;
  sheet: string;
  headerRow: number;
  findings: Finding[];
}

/** Reads the input with the real reader and marks its first sheet with rows, as described above; null when the reader refuses the file. */
async function mark(input: string, out: string): Promise<Marked | null> {
  let events: ReadEvent[];
  try {
    const reader = await openInput(input);
    events = [];
    for await (const ev of reader.events()) events.push(ev);
  } catch {
    return null;
  }
  const sheets: { info: SheetInfo; rows: Extract<ReadEvent, { type: 'row' }>[] }[] = [];
  for (const ev of events) {
    if (ev.type === 'sheet-start') sheets.push({ info: ev.sheet, rows: [] });
    else if (ev.type === 'row') sheets[sheets.length - 1]!.rows.push(ev);
  }
  const target = sheets.find((s) => s.rows.length > 1);
  if (!target) return null;
  const w = await AnnotatedWorkbook.create(out, { lang: 'zh', messages: MESSAGES, inputPath: input, format: 'xlsx' });
  const findings: Finding[] = [];
  for (const s of sheets) {
    if (s !== target) {
      await w.startSheet({ ...s.info, header: null });
      await w.endSheet();
      continue;
    }
    const head = s.rows[0]!;
    const headers = head.values.map((v) => (typeof v === 'string' ? v : ''));
    await w.startSheet({ ...s.info, header: { row: head.row, map: { columns: { name: 1 }, headers } }, headerRows: [head.row] });
    w.addCells(head.row, 'header', head.values, []);
    s.rows.slice(1).forEach((r, k) => {
      const found: Finding[] = [];
      const first = r.values.findIndex((v) => v !== null && v !== undefined && v !== '');
      const base = { messageId: 'missing', file: input, sheet: s.info.name, row: r.row, header: null, value: null, suggestion: null, data: { header: '姓名' } } as const;
      if (k % 3 === 0 && first >= 0) found.push({ ...base, rule: 'required-fields', severity: 'error', column: columnLetter(first + 1), field: 'name' });
      if (k % 5 === 0) found.push({ ...base, rule: 'required-fields', severity: 'warning', column: null, field: null });
      findings.push(...found);
      w.addCells(r.row, 'data', r.values, found, r.numFmts);
    });
    await w.drain();
    await w.endSheet();
  }
  await w.finish({ files: [{ path: input, sheets: [], annotated: out, notices: [] }], findings, messages: MESSAGES, startedAt: new Date() });
  return { out, sheet: target.info.name, headerRow: target.rows[0]!.row, findings };
}

/** A cell format (<xf>) without its fill: the attributes but fillId and applyFill, sorted, and its children. */
function butFill(xf: string): string {
  const a = attrsOf(xf);
  delete a.fillId;
  delete a.applyFill;
  const body = xf.endsWith('/>') ? '' : xf.slice(xf.indexOf('>') + 1, xf.lastIndexOf('</'));
  return `${JSON.stringify(Object.fromEntries(Object.entries(a).sort()))}${body}`;
}

/** The styles part of a package (from the workbook's relationships; xl/styles.xml when it says none). */
function stylesOf(parts: Map<string, { data: Buffer }>): string {
  const rels = parts.get('xl/_rels/workbook.xml.rels')?.data.toString('utf8') ?? '';
  const rel = elements(rels, 'Relationship').map(attrsOf).find((r) => r.Type?.endsWith('/styles'));
  const part = rel ? resolveTarget('xl/workbook.xml', rel.Target!) : 'xl/styles.xml';
  return parts.has(part) ? part : 'xl/styles.xml';
}

/** The worksheet part of a sheet, by name, from the package's workbook and relationships. */
function sheetPart(parts: Map<string, { data: Buffer }>, name: string): string {
  const wb = text(parts as never, 'xl/workbook.xml');
  const sheet = elements(wb, 'sheet').map(attrsOf).find((a) => a.name === name.replace(/&/g, '&amp;'))!;
  const rid = sheet['r:id'] ?? Object.entries(sheet).find(([k]) => k.endsWith(':id'))![1];
  const rel = elements(text(parts as never, 'xl/_rels/workbook.xml.rels'), 'Relationship').map(attrsOf).find((a) => a.Id === rid)!;
  return resolveTarget('xl/workbook.xml', rel.Target!);
}

describe('real workbooks made by other programs, marked', () => {
  it('has files to test', () => {
    expect(FILES.length).toBeGreaterThan(30);
  });

  it.each(FILES.map((f) => [f.slice(REPO_ROOT.length + 1), f]))('%s', async (_name, input) => {
    const out = join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
    const marked = await mark(input, out);
    if (!marked) return; // refused by the reader (not a workbook it reads), or nothing to mark
    expect(existsSync(out)).toBe(true);
    const before = await zipParts(input);
    const after = await zipParts(out);
    const part = sheetPart(before, marked.sheet);
    const lower = new Map([...before.keys()].map((k) => [k.toLowerCase(), k]));
    const partName = lower.get(part.toLowerCase()) ?? part;
    // Parts the marks may change: the package's own, the marked sheet with its relationships and notes.
    const touched = new Set(['[content_types].xml', '_rels/.rels', 'docprops/core.xml', 'docprops/custom.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', partName.toLowerCase(), relsPartOf(partName).toLowerCase()]);
    const rels = after.get(relsPartOf(partName)) ?? [...after].find(([k]) => k.toLowerCase() === relsPartOf(partName).toLowerCase())?.[1];
    for (const rel of elements(rels?.data.toString('utf8') ?? '', 'Relationship').map(attrsOf)) {
      if (/comments|vmlDrawing/.test(rel.Type ?? '')) touched.add(resolveTarget(partName, rel.Target!).toLowerCase());
    }
    // A copy cert-check wrote before loses its earlier 问题清单 and 汇总.
    const previous = (await readMarkerDetails(input, { hash: false }))?.marker;
    for (const a of previous?.added ?? []) for (const p of [a.part, relsPartOf(a.part)]) touched.add(p.toLowerCase());
    for (const [name, a] of before) {
      if (touched.has(name.toLowerCase()) || name.endsWith('/')) continue;
      const b = after.get(name);
      expect(b, name).toBeDefined();
      expect(b!.data.equals(a.data), name).toBe(true);
      expect(b!.compressedSize, name).toBe(a.compressedSize);
    }
    // The marked sheet, cell by cell.
    const xfsA = elements(elements(text(before as never, stylesOf(before)), 'cellXfs')[0] ?? '<cellXfs/>', 'xf');
    const xfsB = elements(elements(text(after as never, stylesOf(after)), 'cellXfs')[0]!, 'xf');
    const rowsA = rowsOf(before.get(partName)!.data.toString('utf8'));
    const rowsB = rowsOf(after.get(partName)!.data.toString('utf8'));
    const markedCells = new Set(marked.findings.map((f) => `${f.column ?? 'A'}${f.row}`));
    const rc = (await readMarkerDetails(out, { hash: false }))!.marker.sheets![0]!.resultCol;
    // The result columns (of the header row and the rows below) may only take the place of cells without a value.
    const inResult = (ref: string, r: number): boolean => {
      const c = refColumn(ref.replace(/\d+$/, ''));
      return rc > 0 && r >= marked.headerRow && c >= rc && c < rc + 3;
    };
    for (const [r, row] of rowsA) {
      const rowB = rowsB.get(r);
      expect(rowB, `row ${r}`).toBeDefined();
      for (const [ref, cell] of row.cells) {
        if (ref === undefined) continue; // cells without an address are given one; their content is compared by exceljs below
        if (inResult(ref, r)) {
          expect(/<(v|is|f)\b/.test(cell.inner), `${ref} holds a value`).toBe(false);
          continue;
        }
        const c = rowB!.cells.get(ref);
        expect(c, ref).toBeDefined();
        expect(c!.inner, ref).toBe(cell.inner);
        const { s: sa, ...ra } = cell.attrs;
        const { s: sb, ...rb } = c!.attrs;
        expect(rb, ref).toEqual(ra);
        if (previous) continue; // a copy cert-check wrote before: its earlier marks are taken off
        if (!markedCells.has(ref)) expect(sb, ref).toBe(sa);
        // A marked cell's format is its own but for the fill.
        else expect(butFill(xfsB[Number(sb ?? 0)]!), ref).toBe(butFill(xfsA[Number(sa ?? 0)]!));
      }
    }
    // As exceljs reads both (when it reads the input at all).
    let inBook: ExcelJS.Workbook | null = null;
    try {
      inBook = await openWorkbook(input);
    } catch {
      inBook = null;
    }
    if (inBook) {
      const outBook = await openWorkbook(out);
      const old = new Set((previous?.added ?? []).map((x) => x.name));
      expect(outBook.worksheets.map((w) => w.name)).toEqual([...inBook.worksheets.map((w) => w.name).filter((n) => !old.has(n)), '问题清单', '汇总']);
      const a = inBook.getWorksheet(marked.sheet)!;
      const b = outBook.getWorksheet(marked.sheet)!;
      a.eachRow({ includeEmpty: true }, (row, r) => row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (inResult(cell.address, r)) return;
        const o = b.getCell(r, c);
        // (exceljs leaves out what format 0 says: marked cells' formats are compared above, in styles.xml)
        if (!markedCells.has(cell.address) && !previous) expect(styleButFill(o), cell.address).toBe(styleButFill(cell));
        expect(o.value, cell.address).toEqual(cell.value);
      }));
      expect(a.model.merges).toEqual(b.model.merges);
    }
    expect((await readMarker(out))?.kind).toBe('annotated');
  }, 60_000);
});
