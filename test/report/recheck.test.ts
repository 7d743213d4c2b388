/**
 * Re-checking a copy cert-check wrote replaces its marks: one set of result columns, one 问题清单, one 汇总,
 * the same problems, styles that do not grow, the clerk's notes and edits kept — for a copy checked three
 * times in a row, one the clerk corrected, one saved by LibreOffice, and one made before the marker existed.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { runCheck, type RunResult } from '../../src/run/check-run.js';
import { outputPath, recordsStem } from '../../src/run/output-paths.js';
import { readMarker } from '../../src/report/xlsx/marker.js';
import { NOTE_SEPARATOR } from '../../src/report/xlsx/notes.js';
import { FILLS } from '../../src/report/xlsx/text.js';
import { buildClerkWorkbook } from '../fixtures/clerk-workbook.mjs';
import { REPO_ROOT } from '../helpers/paths.js';
import { zipBytes } from '../read/files.js';
import { argb, elements, noteText, openWorkbook, rowsOf, text, zipParts } from './package-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cert-check-recheck-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TODAY = { y: 2026, m: 11, d: 27 };
const check = (path: string): Promise<RunResult> => runCheck({ inputs: [path], assets: null, lang: 'zh', today: TODAY });
const problems = (r: RunResult): string[] => r.findings.map((f: Finding) => `${f.row}${f.column}|${f.rule}|${r.messages.format(f, 'zh')}`).sort();

/** What a re-checked copy must look like: one set of everything. */
async function expectOneSet(path: string): Promise<void> {
  const wb = await openWorkbook(path);
  expect(wb.worksheets.map((w) => w.name), basename(path)).toEqual(['登记表', '说明', '字典', '问题清单', '汇总']);
  const ws = wb.getWorksheet('登记表')!;
  const labels: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => row.eachCell((c) => {
    if (c.value === '检查结果' || c.value === '问题说明' || c.value === '建议修改') labels.push(c.address);
  }));
  expect(labels, basename(path)).toEqual(['U2', 'V2', 'W2']);
  expect(ws.getCell('X2').value).toBeNull();
  const a3 = noteText(ws.getCell('A3'));
  expect(a3).toBe('人事科：已与原件核对');
  const h4 = noteText(ws.getCell('H4'));
  expect(h4.startsWith('原件上就是这样写的')).toBe(true);
  expect(h4.split(NOTE_SEPARATOR.trim()).length, h4).toBeLessThanOrEqual(2);
}

describe('a copy checked three times', () => {
  const input = join(dir, 'three', '登记表.xlsx');
  const runs: RunResult[] = [];
  const outs: string[] = [];
  beforeAll(async () => {
    rmSync(join(dir, 'three'), { recursive: true, force: true });
    (await import('node:fs')).mkdirSync(join(dir, 'three'));
    await buildClerkWorkbook(input);
    let path = input;
    for (let i = 0; i < 4; i++) {
      const r = await check(path);
      runs.push(r);
      path = r.files[0]!.annotated!;
      outs.push(path);
    }
  }, 120_000);

  it('finds the same problems every time', () => {
    expect(runs[0]!.findings.length).toBeGreaterThan(5);
    for (const r of runs.slice(1)) expect(problems(r)).toEqual(problems(runs[0]!));
  });

  it('has one set of result columns, one 问题清单 and one 汇总, and the clerk\'s notes once, each time', async () => {
    for (const out of outs) await expectOneSet(out);
  });

  it('says the earlier marks were replaced, and which file to open', () => {
    expect(runs[0]!.files[0]!.notices.map((n) => n.id)).not.toContain('marks-replaced');
    for (const r of runs.slice(1)) {
      const n = r.files[0]!.notices.find((x) => x.id === 'marks-replaced');
      expect(n?.data.out).toBe(r.files[0]!.annotated);
    }
  });

  it('names the copies without piling suffixes up, and never writes over its input', () => {
    for (const out of outs) expect(basename(out)).toMatch(/^登记表\.checked(\.\d)?\.xlsx$/);
    outs.forEach((out, i) => expect(out, `run ${i + 2}`).not.toBe(i === 0 ? input : outs[i - 1]));
  });

  it('does not grow the stylesheet or leave notes behind', async () => {
    const counts = await Promise.all(outs.map(async (out) => {
      const parts = await zipParts(out);
      const styles = text(parts, 'xl/styles.xml');
      return [elements(styles, 'xf').length, elements(styles, 'fill').length, elements(styles, 'font').length, elements(text(parts, 'xl/comments1.xml'), 'comment').length];
    }));
    for (const c of counts.slice(1)) expect(c).toEqual(counts[0]);
  });

  it('keeps every untouched part of the original byte for byte in the last copy', async () => {
    const a = await zipParts(input);
    const b = await zipParts(outs[outs.length - 1]!);
    for (const name of ['xl/sharedStrings.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml', 'xl/drawings/drawing1.xml', 'xl/media/image1.png', 'xl/theme/theme1.xml']) {
      expect(b.get(name)!.data.equals(a.get(name)!.data), name).toBe(true);
    }
    // Cells of the checked sheet: same content, row by row.
    const rowsA = rowsOf(text(a, 'xl/worksheets/sheet1.xml'));
    const rowsB = rowsOf(text(b, 'xl/worksheets/sheet1.xml'));
    for (const [r, row] of rowsA) for (const [ref, cell] of row.cells) expect(rowsB.get(r)!.cells.get(ref)!.inner, ref).toBe(cell.inner);
  });
});

/** Rewrites one part of a zip (as a program that saves it would) and sets dcterms:modified like Excel does. */
async function edit(path: string, out: string, change: (name: string, xml: string) => string): Promise<void> {
  const parts = await zipParts(path);
  writeFileSync(out, zipBytes([...parts].map(([name, p]) => ({ name, data: name.endsWith('.xml') || name.endsWith('.rels') ? change(name, p.data.toString('utf8')) : p.data }))));
}

describe('a copy the clerk corrected and saved', () => {
  let first: RunResult;
  let again: RunResult;
  let edited: string;
  beforeAll(async () => {
    const input = join(dir, 'edit.xlsx');
    await buildClerkWorkbook(input);
    first = await check(input);
    edited = join(dir, 'edit-corrected.xlsx');
    await edit(first.files[0]!.annotated!, edited, (name, xml) => {
      if (name === 'xl/worksheets/sheet1.xml') return xml.replace(/<c r="H4"( s="\d+")[^>]*>[\s\S]*?<\/c>/, '<c r="H4"$1 t="inlineStr"><is><t>铜职改办【2019】15号</t></is></c>');
      if (name === 'docProps/core.xml') return xml.replace(/(<dcterms:modified[^>]*>)[^<]*/, '$12027-01-05T09:30:00Z');
      return xml;
    });
    again = await check(edited);
  }, 60_000);

  it('is an edited annotated copy (an input again for folder scans)', async () => {
    expect(await readMarker(first.files[0]!.annotated!)).toEqual({ kind: 'annotated', edited: false });
    expect(await readMarker(edited)).toEqual({ kind: 'annotated', edited: true });
  });

  it('keeps the correction: H4 is no longer a problem, nor filled; the rest is as before', async () => {
    const before = problems(first).filter((p) => !p.startsWith('4H|'));
    expect(problems(again).map((p) => p.replace(/^(\d+[A-Z]+)\|/, '$1|'))).toEqual(before);
    const ws = (await openWorkbook(again.files[0]!.annotated!)).getWorksheet('登记表')!;
    expect(ws.getCell('H4').value).toBe('铜职改办【2019】15号');
    expect(argb(ws.getCell('H4'))).not.toBe(FILLS.error);
    expect(ws.getCell('U4').value).toBe('通过');
    expect(noteText(ws.getCell('H4'))).toBe('原件上就是这样写的');
    expect(argb(ws.getCell('B6'))).toBe(FILLS.warning);
    await expectOneSet(again.files[0]!.annotated!);
  });

  it('is never written over: the next check goes to a new name', async () => {
    const taken = new Set<string>();
    const out = await outputPath(join(dir, 'edit.xlsx'), {}, taken, [join(dir, 'edit.xlsx')]);
    expect(out).toBe(join(dir, 'edit.checked.xlsx')); // an untouched copy is replaced
    copyFileSync(edited, join(dir, 'edit.checked.xlsx'));
    const next = await outputPath(join(dir, 'edit.xlsx'), {}, new Set(), [join(dir, 'edit.xlsx')]);
    expect(next).toBe(join(dir, 'edit.checked.2.xlsx'));
  });
});

describe('a copy saved by LibreOffice after the clerk corrected it (committed fixture)', () => {
  const fixture = join(REPO_ROOT, 'test/fixtures/libreoffice/clerk-annotated-edited-libreoffice.xlsx');
  let r: RunResult;
  let copy: string;
  beforeAll(async () => {
    copy = join(dir, 'lo-edited.xlsx');
    copyFileSync(fixture, copy);
    r = await check(copy);
  }, 60_000);

  it('still carries the marker, edited', async () => {
    expect(await readMarker(copy)).toEqual({ kind: 'annotated', edited: true });
  });

  it('takes LibreOffice\'s copy of the old marks off: one set, notes cut back to the clerk\'s, H4 corrected and clear', async () => {
    expect(r.files[0]!.notices.map((n) => n.id)).toContain('marks-replaced');
    expect(r.findings.some((f) => f.row === 4 && f.column === 'H')).toBe(false);
    const out = r.files[0]!.annotated!;
    await expectOneSet(out);
    const ws = (await openWorkbook(out)).getWorksheet('登记表')!;
    expect(noteText(ws.getCell('H4'))).toBe('原件上就是这样写的');
    expect(argb(ws.getCell('H4'))).toBeUndefined();
    expect(argb(ws.getCell('I10'))).toBe(FILLS.error);
    // Old notes of cert-check (LibreOffice renamed their author) are gone; the new ones are there once.
    const comments = text(await zipParts(out), 'xl/comments1.xml');
    expect(elements(comments, 'comment').filter((c) => c.includes('ref="B6"'))).toHaveLength(1);
  });
});

describe('a copy made before the marker existed (result columns and sheets by their names)', () => {
  let r: RunResult;
  beforeAll(async () => {
    const input = join(dir, 'legacy.xlsx');
    await buildClerkWorkbook(input);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    const ws = wb.getWorksheet('登记表')!;
    ['检查结果', '问题说明', '建议修改'].forEach((h, i) => (ws.getCell(2, 21 + i).value = h));
    ws.getCell('U4').value = '需修改';
    ws.getCell('V4').value = '1. [错误] H 批准文号：旧的问题';
    ws.getCell('H4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS.error } };
    wb.addWorksheet('问题清单').getCell('A1').value = '行号';
    wb.addWorksheet('汇总').getCell('A1').value = '检查汇总';
    await wb.xlsx.writeFile(input);
    r = await check(input);
  }, 60_000);

  it('replaces the old result columns and sheets instead of adding a second set', async () => {
    expect(r.files[0]!.notices.map((n) => n.id)).toContain('marks-replaced');
    const wb = await openWorkbook(r.files[0]!.annotated!);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['登记表', '说明', '字典', '问题清单', '汇总']);
    const ws = wb.getWorksheet('登记表')!;
    expect(ws.getCell('U4').value).toBe('需修改');
    expect(String(ws.getCell('V4').value)).toContain('批准文号的年份应写在【】中');
    expect(ws.getCell('X2').value).toBeNull();
    // The reader's notes about cert-check's own sheets and columns are left out.
    const skipped = r.files[0]!.notices.filter((n) => n.id === 'sheet-skipped').map((n) => n.sheet);
    expect(skipped).toEqual(['说明', '字典']);
    const ignored = r.files[0]!.notices.find((n) => n.id === 'ignored-columns');
    expect(ignored?.data.columns).toBe('T 备注');
  });
});

describe('output names', () => {
  it.each([
    ['登记表', '登记表'], ['登记表.checked', '登记表'], ['登记表.checked.2', '登记表'], ['登记表.fixed', '登记表'],
    ['登记表.2.checked', '登记表.2'], ['2024.12.checked', '2024.12'], ['登记表.checked.checked.3', '登记表'], ['a.b', 'a.b'], ['.checked', '.checked'], ['2024.12', '2024.12'],
  ])('%s → %s', (stem, base) => {
    expect(recordsStem(stem)).toBe(base);
  });

  it('-o is taken as given, but never the input', async () => {
    const input = join(dir, 'o.xlsx');
    writeFileSync(input, 'x');
    expect(await outputPath(input, { out: join(dir, 'mine.xlsx') }, new Set(), [input])).toBe(join(dir, 'mine.xlsx'));
    await expect(outputPath(input, { out: input }, new Set(), [input])).rejects.toMatchObject({ id: 'output-is-input' });
  });

  it('a file that is not cert-check\'s is never written over', async () => {
    const input = join(dir, 'p.xlsx');
    writeFileSync(input, 'x');
    writeFileSync(join(dir, 'p.checked.xlsx'), 'somebody else\'s');
    expect(await outputPath(input, {}, new Set(), [input])).toBe(join(dir, 'p.checked.2.xlsx'));
    expect(readFileSync(join(dir, 'p.checked.xlsx'), 'utf8')).toBe('somebody else\'s');
    expect(existsSync(join(dir, 'p.checked.2.xlsx'))).toBe(false);
  });
});
