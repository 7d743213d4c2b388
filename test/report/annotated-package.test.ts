/**
 * The annotated copy of an .xlsx is the clerk's own workbook plus the marks: part by part, everything the marks
 * do not touch is unchanged. The input is a workbook an office sets up (built with exceljs: merged title,
 * coloured header, text ID column, date formats, widths, frozen pane, filter, dropdown, conditional format,
 * row heights, formulas, hyperlink, notes, an image, page setup, defined name, a hidden sheet).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck, type RunResult } from '../../src/run/check-run.js';
import { readMarker } from '../../src/report/xlsx/marker.js';
import { NOTE_SEPARATOR } from '../../src/report/xlsx/notes.js';
import { FILLS } from '../../src/report/xlsx/text.js';
import { buildClerkWorkbook } from '../fixtures/clerk-workbook.mjs';
import {
  argb, attrsOf, elements, hasSoffice, noteText, openWorkbook, rowsOf, sheetParts, styleButFill, text, widthsOf, zipParts, type Part,
} from './package-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cert-check-pkg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INPUT = join(dir, '登记表.xlsx');
const OUT = join(dir, '登记表.checked.xlsx');
/** Parts the marks change or add; every other part must come out byte for byte. */
const TOUCHED = new Set([
  '[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'docProps/custom.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels',
  'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/_rels/sheet1.xml.rels', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml',
]);

let run: RunResult;
let before: Map<string, Part>;
let after: Map<string, Part>;
let inBook: ExcelJS.Workbook;
let outBook: ExcelJS.Workbook;

beforeAll(async () => {
  await buildClerkWorkbook(INPUT);
  run = await runCheck({ inputs: [INPUT], assets: null, lang: 'zh', today: { y: 2026, m: 11, d: 27 } });
  before = await zipParts(INPUT);
  after = await zipParts(OUT);
  inBook = await openWorkbook(INPUT);
  outBook = await openWorkbook(OUT);
}, 60_000);

describe('the annotated copy of an .xlsx, part by part', () => {
  it('is written beside the input as <name>.checked.xlsx and finds the planted problems', () => {
    expect(run.files[0]!.annotated).toBe(OUT);
    expect(run.findings.map((f) => `${f.row}${f.column}:${f.rule}`)).toEqual(expect.arrayContaining([
      '4H:approval-no-brackets', '6B:id-number-lowercase-x', '8E:level-value', '10I:region-by-level', '12H:approval-no-brackets',
    ]));
  });

  it('keeps every part the marks do not touch byte for byte, copied as stored (same compressed bytes)', () => {
    const kept = [...before.keys()].filter((n) => !TOUCHED.has(n));
    expect(kept).toEqual(expect.arrayContaining(['xl/sharedStrings.xml', 'xl/theme/theme1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml', 'xl/drawings/drawing1.xml', 'xl/media/image1.png', 'docProps/app.xml']));
    for (const name of kept) {
      const a = before.get(name)!;
      const b = after.get(name);
      expect(b, name).toBeDefined();
      expect(b!.data.equals(a.data), name).toBe(true);
      expect([b!.crc32, b!.compressedSize, b!.method], name).toEqual([a.crc32, a.compressedSize, a.method]);
    }
  });

  it('changes in the package parts only what the marks need', () => {
    const wbIn = text(before, 'xl/workbook.xml');
    const wbOut = text(after, 'xl/workbook.xml');
    // Every sheet, view and defined name of the input is still there as written.
    for (const el of [...elements(wbIn, 'sheet'), ...elements(wbIn, 'definedName'), ...elements(wbIn, 'workbookView')]) expect(wbOut).toContain(el);
    expect(elements(wbOut, 'sheet').map((s) => attrsOf(s).name)).toEqual(['登记表', '说明', '字典', '问题清单', '汇总']);
    const ctIn = text(before, '[Content_Types].xml');
    const ctOut = text(after, '[Content_Types].xml');
    for (const el of [...elements(ctIn, 'Default'), ...elements(ctIn, 'Override')]) expect(ctOut).toContain(el);
    for (const rel of elements(text(before, 'xl/_rels/workbook.xml.rels'), 'Relationship')) expect(text(after, 'xl/_rels/workbook.xml.rels')).toContain(rel);
    for (const rel of elements(text(before, 'xl/worksheets/_rels/sheet1.xml.rels'), 'Relationship')) expect(text(after, 'xl/worksheets/_rels/sheet1.xml.rels')).toContain(rel);
    // styles.xml: the workbook's own formats unchanged, new ones appended after them.
    const xfsIn = elements(elements(text(before, 'xl/styles.xml'), 'cellXfs')[0]!, 'xf');
    const xfsOut = elements(elements(text(after, 'xl/styles.xml'), 'cellXfs')[0]!, 'xf');
    expect(xfsOut.slice(0, xfsIn.length)).toEqual(xfsIn);
    expect(xfsOut.length).toBeGreaterThan(xfsIn.length);
    for (const name of ['fonts', 'fills', 'borders', 'numFmts']) {
      const a = elements(elements(text(before, 'xl/styles.xml'), name)[0] ?? '', name.slice(0, -1));
      const b = elements(elements(text(after, 'xl/styles.xml'), name)[0] ?? '', name.slice(0, -1));
      expect(b.slice(0, a.length), name).toEqual(a);
    }
  });

  it('keeps the checked sheet\'s views, filter, merges, validations, conditional formats, hyperlinks, page setup and image', () => {
    const a = sheetParts(text(before, 'xl/worksheets/sheet1.xml'));
    const b = sheetParts(text(after, 'xl/worksheets/sheet1.xml'));
    for (const name of ['sheetPr', 'sheetViews', 'sheetFormatPr', 'autoFilter', 'mergeCells', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'pageMargins', 'pageSetup', 'headerFooter', 'drawing', 'legacyDrawing']) {
      if (!a.has(name)) continue;
      expect(b.get(name), name).toBe(a.get(name));
    }
    expect(a.has('dataValidations') && a.has('conditionalFormatting') && a.has('mergeCells') && a.has('drawing') && a.has('hyperlinks')).toBe(true);
  });

  it('keeps every cell\'s value, formula and attributes; only the style index of a marked cell changes', () => {
    const rowsIn = rowsOf(text(before, 'xl/worksheets/sheet1.xml'));
    const rowsOut = rowsOf(text(after, 'xl/worksheets/sheet1.xml'));
    const marked = new Set(run.findings.map((f) => `${f.column ?? 'A'}${f.row}`));
    for (const [r, row] of rowsIn) {
      const out = rowsOut.get(r)!;
      for (const [ref, cell] of row.cells) {
        const o = out.cells.get(ref)!;
        expect(o, ref).toBeDefined();
        expect(o.inner, ref).toBe(cell.inner);
        const { s: sIn, ...restIn } = cell.attrs;
        const { s: sOut, ...restOut } = o.attrs;
        expect(restOut, ref).toEqual(restIn);
        if (!marked.has(ref)) expect(sOut, ref).toBe(sIn);
      }
    }
  });

  it('keeps every cell\'s style apart from the fill: font, border, alignment, number format (as exceljs reads them)', () => {
    const a = inBook.getWorksheet('登记表')!;
    const b = outBook.getWorksheet('登记表')!;
    a.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const o = b.getCell(r, c);
        expect(styleButFill(o), cell.address).toBe(styleButFill(cell));
        expect(o.value, cell.address).toEqual(cell.value);
      });
    });
    // The text format of the ID column survives on the marked cells too.
    expect(b.getCell('B6').numFmt).toBe('@');
    expect(b.getCell('M4').numFmt).toBe('yyyy"年"m"月"d"日"');
  });

  it('fills marked cells by severity and notes every problem of the cell', () => {
    const ws = outBook.getWorksheet('登记表')!;
    expect(argb(ws.getCell('H4'))).toBe(FILLS.error);
    expect(argb(ws.getCell('E8'))).toBe(FILLS.error);
    expect(argb(ws.getCell('I10'))).toBe(FILLS.error);
    expect(argb(ws.getCell('B6'))).toBe(FILLS.warning);
    expect(noteText(ws.getCell('B6'))).toContain('末位的 x 应为大写 X');
    expect(argb(ws.getCell('H12'))).toBe(FILLS.error); // an error and a warning: the worst
    const h12 = noteText(ws.getCell('H12'));
    expect(h12).toContain('批准文号的年份应写在【】中');
    expect(h12).toContain('批准文号的年份 2018 与发证时间');
    for (const address of ['A5', 'H3', 'E7', 'B3']) expect(argb(ws.getCell(address)), address).not.toBe(FILLS.error);
  });

  it('keeps the clerk\'s notes: an unmarked cell\'s as it was, a marked cell\'s with the problems added after it', () => {
    const ws = outBook.getWorksheet('登记表')!;
    expect(noteText(ws.getCell('A3'))).toBe(noteText(inBook.getWorksheet('登记表')!.getCell('A3')));
    const h4 = noteText(ws.getCell('H4'));
    expect(h4.startsWith('原件上就是这样写的')).toBe(true);
    expect(h4).toContain(NOTE_SEPARATOR.trim());
    expect(h4).toContain('批准文号的年份应写在【】中');
  });

  it('adds the result columns after the data, wide enough, wrapped, every problem numbered', () => {
    const ws = outBook.getWorksheet('登记表')!;
    expect([ws.getCell('U2').value, ws.getCell('V2').value, ws.getCell('W2').value]).toEqual(['检查结果', '问题说明', '建议修改']);
    expect(ws.getCell('U3').value).toBe('通过');
    expect(ws.getCell('U4').value).toBe('需修改');
    const v8 = String(ws.getCell('V8').value).split('\n');
    expect(v8.length).toBeGreaterThanOrEqual(4);
    v8.forEach((line, i) => expect(line.startsWith(`${i + 1}. `), line).toBe(true));
    const w12 = String(ws.getCell('W12').value);
    expect(w12).toContain('铜职改办【2018】15号');
    expect(ws.getCell('V8').alignment?.wrapText).toBe(true);
    expect(ws.getCell('W12').alignment?.wrapText).toBe(true);
    const widths = widthsOf(text(after, 'xl/worksheets/sheet1.xml'));
    expect(widths.get(22)).toBeGreaterThanOrEqual(60);
    expect(widths.get(23)).toBeGreaterThanOrEqual(30);
  });

  it('widens the ID column to show 18 characters, and leaves every other width as it was', () => {
    const a = widthsOf(text(before, 'xl/worksheets/sheet1.xml'));
    const b = widthsOf(text(after, 'xl/worksheets/sheet1.xml'));
    expect(a.get(2)).toBe(12);
    expect(b.get(2)).toBeGreaterThanOrEqual(20);
    for (const [c, w] of a) if (c !== 2) expect(b.get(c), `column ${c}`).toBe(w);
  });

  it('keeps row heights, raising only a row without a height of its own to show its result lines', () => {
    const a = rowsOf(text(before, 'xl/worksheets/sheet1.xml'));
    const b = rowsOf(text(after, 'xl/worksheets/sheet1.xml'));
    for (const [r, row] of a) {
      const o = b.get(r)!;
      if (row.attrs.customHeight === '1') expect(o.attrs.ht, `row ${r}`).toBe(row.attrs.ht);
      else if (o.attrs.ht !== row.attrs.ht) expect(Number(o.attrs.ht), `row ${r}`).toBeGreaterThan(Number(row.attrs.ht ?? 15));
    }
    expect(Number(b.get(8)!.attrs.ht)).toBeGreaterThan(30); // five problems
    expect(b.get(1)!.attrs.ht).toBe(a.get(1)!.attrs.ht);
  });

  it('adds 问题清单 and 汇总: landscape, fitted to the width, header repeated on every page and frozen', () => {
    for (const name of ['问题清单', '汇总']) {
      const ws = outBook.getWorksheet(name)!;
      expect(ws.pageSetup.orientation, name).toBe('landscape');
      expect(ws.pageSetup.fitToWidth, name).toBe(1);
      expect(ws.pageSetup.fitToHeight, name).toBe(0);
    }
    const list = outBook.getWorksheet('问题清单')!;
    expect(list.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(list.autoFilter).toBe(`A1:I${run.findings.length + 1}`);
    const names = elements(text(after, 'xl/workbook.xml'), 'definedName').map((d) => [attrsOf(d).name, d.replace(/<[^>]+>/g, '')]);
    expect(names).toContainEqual(['_xlnm.Print_Titles', "'问题清单'!$1:$1"]);
    expect(names).toContainEqual(['_xlnm._FilterDatabase', `'问题清单'!$A$1:$I$${run.findings.length + 1}`]);
  });

  it('carries the marker: an untouched annotated copy', async () => {
    expect(await readMarker(OUT)).toEqual({ kind: 'annotated', edited: false });
    expect(await readMarker(INPUT)).toBeNull();
  });
});

describe('the --fix copy is the original plus the fixes', () => {
  let fixed: string;
  let parts: Map<string, Part>;
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    const input = join(dir, 'fixme.xlsx');
    copyFileSync(INPUT, input);
    const r = await runCheck({ inputs: [input], assets: null, lang: 'zh', fix: true, today: { y: 2026, m: 11, d: 27 } });
    fixed = r.files[0]!.annotated!;
    parts = await zipParts(fixed);
    book = await openWorkbook(fixed);
  }, 60_000);

  it('is <name>.fixed.xlsx with the certain fixes typed in, blue, the old value in the note', () => {
    expect(fixed).toBe(join(dir, 'fixme.fixed.xlsx'));
    const ws = book.getWorksheet('登记表')!;
    expect(ws.getCell('H4').value).toBe('铜职改办【2019】15号');
    expect(noteText(ws.getCell('H4'))).toContain('铜职改办〔2019〕15号');
    expect(noteText(ws.getCell('H4')).startsWith('原件上就是这样写的')).toBe(true);
    expect(ws.getCell('E8').value).toBe('高级（副高）');
    expect(argb(ws.getCell('E8'))).toBe('FFBDD7EE');
    expect(ws.getCell('B6').numFmt).toBe('@');
  });

  it('keeps every other part byte for byte, and carries the marker of a fixed copy', async () => {
    for (const [name, a] of before) {
      if (TOUCHED.has(name)) continue;
      expect(parts.get(name)?.data.equals(a.data), name).toBe(true);
    }
    expect(await readMarker(fixed)).toEqual({ kind: 'fixed', edited: false });
  });
});

describe('a macro-enabled workbook (.xlsm)', () => {
  let r: RunResult;
  let out: Map<string, Part>;
  beforeAll(async () => {
    const xlsm = join(dir, '宏.xlsm');
    const parts = before;
    const { zipBytes } = await import('../read/files.js');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(xlsm, zipBytes([
      ...[...parts].map(([name, p]) => {
        let data: Buffer | string = p.data;
        if (name === '[Content_Types].xml') {
          data = p.data.toString('utf8')
            .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
            .replace('<Default Extension="xml"', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="xml"');
        }
        if (name === 'xl/_rels/workbook.xml.rels') data = p.data.toString('utf8').replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>');
        return { name, data };
      }),
      { name: 'xl/vbaProject.bin', data: Buffer.from('not really VBA, but where Excel keeps it') },
    ]));
    r = await runCheck({ inputs: [xlsm], assets: null, lang: 'zh', today: { y: 2026, m: 11, d: 27 } });
    out = await zipParts(r.files[0]!.annotated!);
  }, 60_000);

  it('gets an .xlsx copy without its macros, and the report says so', async () => {
    expect(r.files[0]!.annotated).toBe(join(dir, '宏.checked.xlsx'));
    expect([...out.keys()].some((n) => /vbaProject/i.test(n))).toBe(false);
    const types = text(out, '[Content_Types].xml');
    expect(types).not.toContain('macroEnabled');
    expect(types).not.toContain('vbaProject');
    expect(types).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml');
    expect(text(out, 'xl/_rels/workbook.xml.rels')).not.toContain('vbaProject');
    const notice = r.files[0]!.notices.find((n) => n.id === 'macros-removed');
    expect(notice?.data.out).toBe(r.files[0]!.annotated);
    const book = await openWorkbook(r.files[0]!.annotated!);
    expect(book.getWorksheet('登记表')!.getCell('U4').value).toBe('需修改');
  });
});

describe('opened by LibreOffice (when installed)', () => {
  it.skipIf(!hasSoffice())('reads the copy as a clerk would see it: result columns, fills, the clerk\'s notes with the problems added', async () => {
    const work = join(dir, 'lo');
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'xlsx', '--outdir', work, OUT], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const wb = await openWorkbook(join(work, '登记表.checked.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['登记表', '说明', '字典', '问题清单', '汇总']);
    const ws = wb.getWorksheet('登记表')!;
    expect([ws.getCell('U2').value, ws.getCell('U4').value]).toEqual(['检查结果', '需修改']);
    expect(argb(ws.getCell('H4'))).toBe(FILLS.error);
    expect(noteText(ws.getCell('H4'))).toContain('原件上就是这样写的');
    expect(noteText(ws.getCell('H4'))).toContain('批准文号的年份应写在【】中');
    expect(noteText(ws.getCell('B6'))).toContain('末位的 x 应为大写 X');
    expect(ws.getCell('B6').numFmt).toBe('@');
  }, 150_000);
});
