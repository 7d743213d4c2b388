/**
 * .xls, WPS .et, .ods and text exports saved by LibreOffice (test/fixtures/formats, see its
 * README) give the same read events and exactly the same findings as the same records saved as .xlsx.
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck, type RunResult } from '../../src/run/check-run.js';
import type { Finding } from '../../src/engine/types.js';
import { normalizeCell } from '../../src/model/cell.js';
import { isDateFormat } from '../../src/model/dates.js';
import { sniff } from '../../src/read/sniff.js';
import { prettyReport } from '../../src/report/pretty.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { collect, makeTempDir, type Collected } from './files.js';

const FIXTURES = join(REPO_ROOT, 'test/fixtures/formats');
const fixture = (name: string) => join(FIXTURES, name);
const TODAY = { y: 2026, m: 11, d: 27 };

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

/** A copy of a fixture under another name (WPS .et, a renamed file): the copy is what is read. */
function copyAs(name: string, as: string): string {
  const p = tmp.file(as);
  if (!existsSync(p)) copyFileSync(fixture(name), p);
  return p;
}

/** The events of a read, with every cell as the model sees it (kind, text, date) instead of its raw shape. */
function comparable(read: Collected) {
  return read.events.map((e) => {
    if (e.type === 'row') {
      return {
        row: e.row, role: e.role,
        cells: e.values.map((v, i) => {
          const n = normalizeCell(v, e.numFmts?.[i], read.reader.date1904);
          return n.kind === 'empty' ? null : { kind: n.kind, text: n.text, dateFormat: isDateFormat(e.numFmts?.[i]) };
        }),
      };
    }
    if (e.type === 'notice') return { notice: e.notice };
    const { name, header, headerRows, position, hidden, merges } = e.sheet;
    return { [e.type]: { name, header, headerRows, position, hidden: hidden ?? false, merges: merges ?? [] } };
  });
}

describe('read events: .xls, .et and .ods give what the .xlsx gives', () => {
  let xlsx: Collected;
  beforeAll(async () => {
    xlsx = await collect(fixture('records.xlsx'));
  });

  it('the .xlsx itself: four sheets (one hidden, one without header), a merged title row, dates in several formats', () => {
    expect(xlsx.sheets.map((s) => [s.name, s.header?.row ?? null, s.hidden ?? false])).toEqual([
      ['登记表', 2, false], ['补充', 1, false], ['说明', null, false], ['旧数据', 1, true],
    ]);
    expect(xlsx.sheets[0]!.merges).toEqual(['A1:T1']);
  });

  it.each([
    ['records.xls', 'xls', 'records.xls'],
    ['records.et (the .xls bytes under the name WPS gives its files)', 'xls', 'records.et'],
    ['records.ods', 'ods', 'records.ods'],
  ])('%s', async (_name, format, as) => {
    const path = as === 'records.et' ? copyAs('records.xls', 'records.et') : fixture(as);
    const read = await collect(path);
    expect(read.reader.format).toBe(format);
    const got = comparable(read);
    const want = comparable(xlsx);
    if (format === 'ods') {
      // SheetJS does not read which sheets of an .ods are hidden (the cells are the same).
      const unhide = (x: ReturnType<typeof comparable>) => JSON.parse(JSON.stringify(x).replace(/"hidden":true/g, '"hidden":false'));
      expect(unhide(got)).toEqual(unhide(want));
    } else {
      expect(got).toEqual(want);
    }
  });

  it('a date cell keeps its number format, so a year-month format reads as it does from the .xlsx', async () => {
    for (const name of ['records.xls', 'records.ods']) {
      const read = await collect(fixture(name));
      const row4 = read.rows.find((r) => r.row === 4)!; // 李强: 出生年月 is 1985-03-01 shown as yyyy.mm
      expect(row4.values[3]).toBeInstanceOf(Date);
      expect(String(row4.numFmts?.[3])).toMatch(/yyyy.*mm/i);
      expect(normalizeCell(row4.values[3], row4.numFmts?.[3]).date).toEqual({ y: 1985, m: 3, d: 1 });
    }
  });
});

/** A finding without the file name; the sheet name of a text input (its file name) read as the .xlsx's. */
function key(f: Finding, messages: RunResult['messages'], sheetAs?: [string, string]): string {
  let message = messages.format(f, 'zh');
  let sheet = f.sheet;
  if (sheetAs && sheet === sheetAs[0]) {
    sheet = sheetAs[1];
    message = message.split(sheetAs[0]).join(sheetAs[1]);
  }
  // LibreOffice keeps 15 significant digits of a number in .ods and text: an ID that was stored as a number
  // (and so had already lost its last digits) shows other lost digits there. The finding is the same.
  const value = f.rule === 'id-number-lost-digits' ? '(lost digits)' : f.value;
  return JSON.stringify([sheet, f.row, f.column, f.field, f.rule, f.severity, f.messageId, value, f.suggestion, f.fix ?? null, message]);
}

async function check(path: string): Promise<RunResult> {
  return runCheck({ inputs: [path], assets: null, noOut: true, lang: 'zh', today: TODAY });
}

describe('findings: every format gives exactly the findings of the same records as .xlsx', () => {
  const base: Record<string, RunResult> = {};
  beforeAll(async () => {
    base.records = await check(fixture('records.xlsx'));
    base.scenario = await check(fixture('scenario.xlsx'));
  });

  it('the .xlsx runs find problems to compare (every sheet of records, every rule of the scenario)', () => {
    expect(base.records!.findings.length).toBeGreaterThan(10);
    expect(new Set(base.records!.findings.map((f) => f.sheet))).toEqual(new Set(['登记表', '补充', '旧数据']));
    expect(new Set(base.scenario!.findings.map((f) => f.rule)).size).toBeGreaterThan(30);
  });

  it.each([
    ['records.xls', 'records', 'records.xls'],
    ['records.ods', 'records', 'records.ods'],
    ['records.et (BIFF8 under .et)', 'records', 'et-biff'],
    ['records.et (xlsx under .et)', 'records', 'et-xlsx'],
    ['scenario.xls', 'scenario', 'scenario.xls'],
    ['scenario.ods', 'scenario', 'scenario.ods'],
    ['scenario-utf16le.txt (Excel "Unicode 文本": UTF-16LE, tab)', 'scenario', 'scenario-utf16le.txt'],
    ['scenario-utf16be.txt (UTF-16BE, tab)', 'scenario', 'scenario-utf16be.txt'],
    ['scenario.tsv (UTF-8, tab)', 'scenario', 'scenario.tsv'],
    ['scenario-semicolon.csv (UTF-8, semicolons)', 'scenario', 'scenario-semicolon.csv'],
  ])('%s', async (_name, of, name) => {
    const path = name === 'et-biff' ? copyAs('records.xls', 'biff.et') : name === 'et-xlsx' ? copyAs('records.xlsx', 'ooxml.et') : fixture(name);
    const result = await check(path);
    expect(result.failures).toEqual([]);
    const text = /\.(txt|tsv|csv)$/.test(name);
    const sheetAs: [string, string] | undefined = text ? [result.files[0]!.sheets[0]!.name, '登记表'] : undefined;
    const want = base[of]!.findings.map((f) => key(f, base[of]!.messages));
    const got = result.findings.map((f) => key(f, result.messages, sheetAs));
    expect(got.sort()).toEqual(want.sort());
    expect(result.files[0]!.sheets.map((s) => [sheetAs && s.name === sheetAs[0] ? '登记表' : s.name, s.headerRow, s.rows]))
      .toEqual(base[of]!.files[0]!.sheets.map((s) => [s.name, s.headerRow, s.rows]));
  });
});

describe('decided by content, not by extension', () => {
  it.each([
    ['an .xls renamed .xlsx', 'records.xls', 'xls-inside.xlsx', 'xls'],
    ['an .xlsx renamed .xls', 'records.xlsx', 'xlsx-inside.xls', 'xlsx'],
    ['an .ods renamed .xlsx', 'records.ods', 'ods-inside.xlsx', 'ods'],
    ['an .xls renamed .csv', 'records.xls', 'xls-inside.csv', 'xls'],
    ['UTF-16 text renamed .xls', 'scenario-utf16le.txt', 'text-inside.xls', 'csv'],
  ])('%s', async (_name, from, as, format) => {
    const read = await collect(copyAs(from, as));
    expect(read.reader.format).toBe(format);
    expect(read.sheets.some((s) => s.header)).toBe(true);
  });
});

describe('text exports: encoding and delimiter', () => {
  it.each([
    ['scenario-utf16le.txt', 'utf-16le', '\t'],
    ['scenario-utf16be.txt', 'utf-16be', '\t'],
    ['scenario.tsv', 'utf-8', '\t'],
    ['scenario-semicolon.csv', 'utf-8', ';'],
  ])('%s: %s, delimiter %j found from the header line', async (name, encoding, delimiter) => {
    const kind = await sniff(fixture(name));
    expect(kind).toMatchObject({ format: 'csv', encoding, delimiter, delimiterSource: 'header' });
  });

  it('--encoding and --delimiter override what is found', async () => {
    expect(await sniff(fixture('scenario.tsv'), { delimiter: ';' })).toMatchObject({ delimiter: ';', delimiterSource: 'option' });
    expect(await sniff(fixture('scenario.tsv'), { delimiter: 'tab' })).toMatchObject({ delimiter: '\t', delimiterSource: 'option' });
    // Wrong on purpose: read as semicolon-separated, a tab-separated file has no header row.
    const wrong = await runCheck({ inputs: [fixture('scenario.tsv')], assets: null, noOut: true, lang: 'zh', today: TODAY, delimiter: ';' });
    expect(wrong.failures.map((f) => f.error.id)).toEqual(['no-header']);
    // The UTF-16BE file read as UTF-16LE is nonsense; named right, it reads.
    const le = await runCheck({ inputs: [fixture('scenario-utf16be.txt')], assets: null, noOut: true, lang: 'zh', today: TODAY, encoding: 'utf-16be' });
    expect(le.failures).toEqual([]);
    expect(le.files[0]!.sheets[0]!.rows).toBeGreaterThan(30);
  });
});

describe('the annotated copy of an .xls/.ods input is a new .xlsx of the same values', () => {
  const read = async (path: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    return wb;
  };
  const cells = (ws: ExcelJS.Worksheet) => {
    const out: string[] = [];
    // Values only: the .xlsx input's copy keeps its empty-text cells too (it is the input's own package).
    ws.eachRow((row, r) => row.eachCell((cell, c) => {
      if (cell.value !== '') out.push(`${r}:${c}:${normalizeCell(cell.value, cell.numFmt).text}`);
    }));
    return out;
  };

  it.each(['records.xls', 'records.ods'])('%s', async (name) => {
    const input = copyAs(name, `copy-${name}`);
    const before = readFileSync(input);
    const out = tmp.file(`${name}.checked.xlsx`);
    const result = await runCheck({ inputs: [input], assets: null, out, lang: 'zh', today: TODAY });
    const base = await runCheck({ inputs: [fixture('records.xlsx')], assets: null, out: tmp.file(`base-${name}.checked.xlsx`), lang: 'zh', today: TODAY });
    expect(readFileSync(input).equals(before)).toBe(true); // the input is never written
    const [got, want] = [await read(out), await read(tmp.file(`base-${name}.checked.xlsx`))];
    expect(got.worksheets.map((w) => w.name)).toEqual(want.worksheets.map((w) => w.name));
    expect(cells(got.getWorksheet('登记表')!)).toEqual(cells(want.getWorksheet('登记表')!));
    expect(got.getWorksheet('登记表')!.model.merges).toEqual(['A1:T1']);

    // The report says, in one line, that the copy is an .xlsx.
    const text = prettyReport(result, { lang: 'zh', showPii: false, color: false, cwd: tmp.dir });
    const line = text.split('\n').filter((l) => l.includes('标注副本是新的 .xlsx 工作簿'));
    expect(line).toHaveLength(1);
    expect(line[0]).toContain(name.endsWith('.xls') ? 'Excel 97-2003 工作簿（.xls）' : 'OpenDocument 表格（.ods）');
    const en = prettyReport(result, { lang: 'en', showPii: false, color: false, cwd: tmp.dir });
    expect(en).toContain('the annotated copy is a new .xlsx workbook');
    expect(prettyReport(base, { lang: 'zh', showPii: false, color: false })).not.toContain('标注副本是新的');
  });

  it('names a WPS .et as such', async () => {
    const input = copyAs('records.xls', 'wps.et');
    const result = await runCheck({ inputs: [input], assets: null, out: tmp.file('wps.checked.xlsx'), lang: 'zh', today: TODAY });
    expect(prettyReport(result, { lang: 'zh', showPii: false, color: false })).toContain('WPS 表格（.et），标注副本是新的 .xlsx 工作簿');
  });
});
