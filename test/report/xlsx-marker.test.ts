/**
 * The marker in every workbook cert-check writes, and the pure test a folder scan applies to a file:
 * { kind, edited } or null.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTemplate } from '../../src/cli/template.js';
import { runCheck } from '../../src/run/check-run.js';
import { writeFixList } from '../../src/report/fix-list.js';
import {
  judgeMarker, modifiedOf, parseMarker, partHash, readMarker, readMarkerDetails, w3cdtf, withMarker, withModified, type Marker,
} from '../../src/report/xlsx/marker.js';
import { buildClerkWorkbook } from '../fixtures/clerk-workbook.mjs';
import { REPO_ROOT } from '../helpers/paths.js';
import { zipBytes } from '../read/files.js';
import { result } from './fixtures.js';
import { attrsOf, elements, zipParts } from './package-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cert-check-marker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MARKER: Marker = { version: 1, kind: 'annotated', written: '2026-11-27T06:08:00Z', parts: { 'xl/worksheets/sheet1.xml': 'abc=' } };
const CORE = (modified: string): string => `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dcterms:modified xsi:type="dcterms:W3CDTF">${modified}</dcterms:modified></cp:coreProperties>`;

describe('judgeMarker (pure)', () => {
  const custom = withMarker(null, MARKER);
  it.each([
    ['untouched: same saved time, same sheet', CORE('2026-11-27T06:08:00Z'), 'abc=', { kind: 'annotated', edited: false }],
    ['saved again (Excel, WPS and LibreOffice write a new time)', CORE('2026-11-28T01:00:00Z'), 'abc=', { kind: 'annotated', edited: true }],
    ['sheet changed, time kept', CORE('2026-11-27T06:08:00Z'), 'xyz=', { kind: 'annotated', edited: true }],
    ['no core properties at all', null, 'abc=', { kind: 'annotated', edited: true }],
  ] as const)('%s', (_name, core, hash, expected) => {
    expect(judgeMarker(custom, core, () => hash)).toEqual(expected);
  });

  it('answers null without a marker, or with a broken one', () => {
    expect(judgeMarker(null, CORE('x'), () => null)).toBeNull();
    expect(judgeMarker('<Properties xmlns="x"><property name="cert-check" pid="2"><vt:lpwstr>{oops</vt:lpwstr></property></Properties>', CORE('x'), () => null)).toBeNull();
    expect(judgeMarker(withMarker(null, { ...MARKER, kind: 'other' as never }), CORE(MARKER.written), () => 'abc=')).toBeNull();
  });
});

describe('the marker in docProps/custom.xml', () => {
  it('is split into properties Excel keeps whole (at most 255 characters each) and read back whole', () => {
    const big: Marker = { ...MARKER, xf: { from: 8, base: Array.from({ length: 300 }, (_, i) => i), fill: Array.from({ length: 300 }, () => 'FFFFC7CE') } };
    const xml = withMarker(null, big);
    const values = elements(xml, 'lpwstr').map((v) => v.replace(/<[^>]+>/g, ''));
    expect(values.length).toBeGreaterThan(10);
    for (const v of values) expect(v.replace(/&quot;/g, '"').length).toBeLessThanOrEqual(255);
    expect(parseMarker(xml)).toEqual(big);
    expect(elements(xml, 'property').map((p) => attrsOf(p).name)).toEqual(['cert-check', ...values.slice(1).map((_, i) => `cert-check.${i + 2}`)]);
  });

  it('keeps the file\'s own properties and replaces an earlier marker', () => {
    const own = '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-11.1</vt:lpwstr></property></Properties>';
    const once = withMarker(own, MARKER);
    const twice = withMarker(once, { ...MARKER, kind: 'fixed' });
    expect(twice).toContain('KSOProductBuildVer');
    expect(parseMarker(twice)?.kind).toBe('fixed');
    const pids = elements(twice, 'property').map((p) => attrsOf(p).pid);
    expect(new Set(pids).size).toBe(pids.length);
  });

  it('sets dcterms:modified, adding it (and its namespaces) when the file has none', () => {
    const t = w3cdtf(new Date(Date.UTC(2026, 10, 27, 6, 8, 0, 500)));
    expect(t).toBe('2026-11-27T06:08:00Z');
    expect(modifiedOf(withModified(CORE('2020-01-01T00:00:00Z'), t))).toBe(t);
    const bare = '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">me</dc:creator></cp:coreProperties>';
    const withIt = withModified(bare, t);
    expect(modifiedOf(withIt)).toBe(t);
    expect(withIt).toContain('xmlns:dcterms=');
    expect(withIt).toContain('<dc:creator');
  });
});

describe('readMarker on the files cert-check writes', () => {
  let annotated: string;
  beforeAll(async () => {
    const input = join(dir, '登记表.xlsx');
    await buildClerkWorkbook(input);
    annotated = (await runCheck({ inputs: [input], assets: null, lang: 'zh', today: { y: 2026, m: 11, d: 27 } })).files[0]!.annotated!;
  }, 60_000);

  it('an annotated copy written just now is untouched, with the very time of dcterms:modified', async () => {
    const details = (await readMarkerDetails(annotated))!;
    expect(details.state).toEqual({ kind: 'annotated', edited: false });
    const core = (await zipParts(annotated)).get('docProps/core.xml')!.data.toString('utf8');
    expect(modifiedOf(core)).toBe(details.marker.written);
    expect(Object.keys(details.marker.parts)).toEqual(['xl/worksheets/sheet1.xml']);
    // Each part's CRC-32 and size as the zip's directory gives them: compared without inflating the sheet.
    const sheet = (await zipParts(annotated)).get('xl/worksheets/sheet1.xml')!;
    expect(details.marker.sums).toEqual({ 'xl/worksheets/sheet1.xml': `${(sheet.crc32 >>> 0).toString(16)}:${sheet.data.length}` });
  });

  it('a copy whose sheet was changed, or which was saved again, is edited', async () => {
    const parts = await zipParts(annotated);
    const sheetEdited = join(dir, 'sheet-edited.xlsx');
    writeFileSync(sheetEdited, zipBytes([...parts].map(([name, p]) => ({ name, data: name === 'xl/worksheets/sheet1.xml' ? p.data.toString('utf8').replace('<c r="A3"', '<c r="A3" cm="1"') : p.data }))));
    expect(await readMarker(sheetEdited)).toEqual({ kind: 'annotated', edited: true });
    const saved = join(dir, 'saved.xlsx');
    writeFileSync(saved, zipBytes([...parts].map(([name, p]) => ({ name, data: name === 'docProps/core.xml' ? withModified(p.data.toString('utf8'), '2030-01-01T00:00:00Z') : p.data }))));
    expect(await readMarker(saved)).toEqual({ kind: 'annotated', edited: true });
  });

  it('a marker without sums (written before they were kept): hashes a sheet of several megabytes as the writer did, and takes a sheet of another size than its zip declares as edited', async () => {
    const parts = await zipParts(annotated);
    const sheetName = 'xl/worksheets/sheet1.xml';
    const original = parts.get(sheetName)!.data.toString('utf8');
    // The same sheet with ~6 MB of rows more (inflated in several pieces), and a marker that hashes it.
    const extra = Array.from({ length: 90_000 }, (_, i) => `<row r="${1000 + i}"><c r="A${1000 + i}" t="inlineStr"><is><t>行${i}</t></is></c></row>`).join('');
    const big = Buffer.from(original.replace('</sheetData>', `${extra}</sheetData>`), 'utf8');
    expect(big.length).toBeGreaterThan(6 * 1024 * 1024);
    const marker = parseMarker(parts.get('docProps/custom.xml')!.data.toString('latin1'))!;
    const entries = [...parts].map(([name, p]) => ({
      name,
      data: name === sheetName ? big : name === 'docProps/custom.xml' ? Buffer.from(withMarker(p.data.toString('latin1'), { ...marker, parts: { [sheetName]: partHash(big) }, sums: undefined }), 'latin1') : p.data,
    }));
    const whole = join(dir, 'big.xlsx');
    const bytes = zipBytes(entries);
    writeFileSync(whole, bytes);
    expect(await readMarker(whole)).toEqual({ kind: 'annotated', edited: false });
    // The sheet's declared size one byte short of, or one byte past, what it inflates to: not the sheet the marker
    // hashed (yauzl's size check said so before; the hash now checks the size itself).
    for (const delta of [-1, 1]) {
      const lying = Buffer.from(bytes);
      const name = Buffer.from(sheetName, 'utf8');
      for (let at = lying.indexOf(name); at >= 0; at = lying.indexOf(name, at + 1)) {
        const central = at >= 46 && lying.readUInt32LE(at - 46) === 0x02014b50;
        expect(central || lying.readUInt32LE(at - 30) === 0x04034b50).toBe(true);
        const head = central ? at - 46 : at - 30;
        const field = head + (central ? 24 : 22);
        lying.writeUInt32LE(lying.readUInt32LE(field) + delta, field);
      }
      const path = join(dir, `lying${delta}.xlsx`);
      writeFileSync(path, lying);
      expect(await readMarker(path)).toEqual({ kind: 'annotated', edited: true });
    }
  });

  it('a fix list and a template carry their kinds', async () => {
    const list = join(dir, 'fix.xlsx');
    await writeFixList(list, result([]), { lang: 'zh' });
    expect(await readMarker(list)).toEqual({ kind: 'fix-list', edited: false });
    const template = join(dir, 'template.xlsx');
    await writeTemplate(template, { lang: 'zh' });
    expect(await readMarker(template)).toEqual({ kind: 'template', edited: false });
  });

  it('a file of anybody else, a LibreOffice re-save of a copy, a CSV and a missing file', async () => {
    expect(await readMarker(join(REPO_ROOT, 'examples/records.xlsx'))).toBeNull();
    expect(await readMarker(join(REPO_ROOT, 'test/fixtures/libreoffice/clerk-annotated-edited-libreoffice.xlsx'))).toEqual({ kind: 'annotated', edited: true });
    const csv = join(dir, 'a.csv');
    writeFileSync(csv, '姓名,身份证号\n');
    expect(await readMarker(csv)).toBeNull();
    expect(await readMarker(join(dir, 'missing.xlsx'))).toBeNull();
    copyFileSync(join(REPO_ROOT, 'test/fixtures/exceljs-spec/test-comments.xlsx'), join(dir, 'wps.xlsx'));
    expect(await readMarker(join(dir, 'wps.xlsx'))).toBeNull();
  });
});
