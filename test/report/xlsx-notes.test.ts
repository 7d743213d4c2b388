/** Notes: the compressed spool, the clerk's notes kept and cert-check's taken off, and many notes streamed. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { FIELD_KEYS } from '../../src/model/fields.js';
import type { SheetInfo } from '../../src/read/types.js';
import { AnnotatedWorkbook } from '../../src/report/xlsx/annotated.js';
import { commentText, CompressedSpool, cutAddition, NOTE_AUTHOR, NOTE_SEPARATOR, readExistingNotes, readExistingVml, SheetNotes } from '../../src/report/xlsx/notes.js';
import { FULL_MAP, GOOD_ROW } from '../helpers/records.js';
import { fileResult, MESSAGES, result } from './fixtures.js';
import { elements, noteText, openWorkbook, text, zipParts } from './package-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cert-check-notes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const latin1 = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');
const source = (s: string): Readable => Readable.from([Buffer.from(s, 'utf8')]);

async function readAll(r: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of r) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('CompressedSpool', () => {
  it('gives back exactly what was written, across many compressed pieces, keeping Chinese characters whole', async () => {
    const spool = new CompressedSpool();
    const parts: string[] = [];
    for (let i = 0; i < 40_000; i++) {
      const part = `<comment ref="B${i}"><t>身份证号末位的 x 应为大写 X（第 ${i} 行）</t></comment>`;
      parts.push(part);
      spool.write(latin1(part));
    }
    const all = parts.join('');
    expect(await readAll(spool.readable())).toBe(all);
    // Repetitive XML: the spool holds a small fraction of it.
    expect(spool.compressedBytes).toBeLessThan(Buffer.byteLength(all) / 5);
  });

  it('refuses a write after end', () => {
    const spool = new CompressedSpool();
    spool.end();
    spool.end();
    expect(() => spool.write('x')).toThrow(/after end/);
  });
});

const COMMENTS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"><authors><author>王五</author><author>${NOTE_AUTHOR}</author></authors><commentList>`
  + '<comment ref="A1" authorId="0" xr:uid="{1}"><text><t>我自己的批注</t></text></comment>'
  + `<comment ref="B2" authorId="0"><text><r><rPr><b/></rPr><t>王五:</t></r><r><t xml:space="preserve">&#10;原件如此${NOTE_SEPARATOR.replace(/\n/g, '&#10;')}[错误] 旧的问题</t></r></text></comment>`
  + '<comment ref="C3" authorId="1"><text><r><t>[错误] 批准文号的年份应写在【】中</t></r></text></comment>'
  + '<comment ref="D4" authorId="0"><text><r><t>[警告] 上次的问题（作者已被改名）</t></r></text></comment>'
  + '</commentList></comments>';

describe('the clerk\'s notes and cert-check\'s', () => {
  it('keeps every note on a first check', async () => {
    const n = await readExistingNotes('xl/comments1.xml', source(COMMENTS), 'keep');
    expect([...n.kept.keys()]).toEqual(['A1', 'B2', 'C3', 'D4']);
    expect(n.dropped.size).toBe(0);
  });

  it('on a re-check keeps the clerk\'s notes, cuts cert-check\'s additions off them and drops its own notes', async () => {
    const n = await readExistingNotes('xl/comments1.xml', source(COMMENTS), 'marker');
    expect([...n.kept.keys()]).toEqual(['A1', 'B2']);
    expect([...n.dropped].sort()).toEqual(['B2', 'C3', 'D4']);
    expect(commentText(n.kept.get('B2')!.xml)).toBe('王五:\n原件如此');
    expect(n.kept.get('A1')!.xml).toContain('xr:uid="{1}"');
    // The root's declarations stay (xr: is used by the kept notes), the author list gains cert-check once.
    expect(n.head).toContain('xmlns:xr=');
    expect(elements(n.head, 'author')).toHaveLength(2);
  });

  it('cuts an addition however the runs were split (LibreOffice), and from a note of one <t>', () => {
    const split = latin1('<comment ref="H4" authorId="0"><text><r><t xml:space="preserve">原件上就是这样写的&#10;</t></r><r><t xml:space="preserve">—— </t></r><r><t>cert-check ——&#10;[</t></r><r><t>错误</t></r></text></comment>');
    expect(commentText(cutAddition(split))).toBe('原件上就是这样写的');
    const one = latin1(`<comment ref="A1" authorId="0"><text><t>mine${NOTE_SEPARATOR}[错误] x</t></text></comment>`);
    expect(commentText(cutAddition(one))).toBe('mine');
    expect(cutAddition(latin1('<comment ref="A1"><text><t>nothing added</t></text></comment>'))).toBe(latin1('<comment ref="A1"><text><t>nothing added</t></text></comment>'));
  });

  it('adds the problems to a clerk\'s note after the separator, and new notes with their boxes', async () => {
    const existing = await readExistingNotes('c', source(COMMENTS), 'marker');
    const vml = await readExistingVml('v', source('<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shape id="_x0000_s1025" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape><v:shape id="_x0000_s1026"><x:ClientData ObjectType="Note"><x:Row>2</x:Row><x:Column>2</x:Column></x:ClientData></v:shape><v:shape id="_x0000_s1027"><x:ClientData ObjectType="Checkbox"><x:Row>5</x:Row></x:ClientData></v:shape></xml>'), (r, c) => existing.kept.has(`${String.fromCharCode(64 + c)}${r}`));
    expect(vml.kept.filter((k) => k.includes('v:shape')).length).toBe(2); // the clerk's note box and the check box
    expect(vml.others).toBe(1);
    const notes = new SheetNotes(existing, vml, 2);
    notes.add({ row: 1, col: 1, text: '[错误] 新的问题' });
    notes.add({ row: 9, col: 3, text: '[警告] 另一个问题\n→ 建议：X' });
    expect(notes.count).toBe(3);
    const xml = Buffer.from((await Promise.all([...notes.commentsPart()].map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1').toString('utf8') : readAll(p))))).join(''), 'utf8').toString('utf8');
    expect(xml).toContain('我自己的批注');
    expect(xml).toContain(`${NOTE_SEPARATOR.replace(/\n/g, '\n')}[错误] 新的问题`);
    expect(elements(xml, 'comment')).toHaveLength(3);
    const drawing = (await Promise.all([...notes.vmlPart()].map((p) => (typeof p === 'string' ? p : readAll(p))))).join('');
    expect(drawing.match(/<v:shape /g)).toHaveLength(3); // the clerk's, the check box, and one new
    expect(drawing).toContain('_x0000_s2049'); // new ids from the free block
    expect(drawing).toMatch(/<o:idmap v:ext="edit" data="1,2"\/>/);
    expect(drawing.endsWith('</xml>')).toBe(true);
  });
});

describe('a sheet with a note on every row', () => {
  it('streams 3,000 notes and keeps each one', async () => {
    const info: SheetInfo = { name: '登记表', header: { row: 1, map: FULL_MAP }, columnCount: FULL_MAP.headers.length };
    const values = FIELD_KEYS.map((k) => GOOD_ROW[k] ?? null);
    const out = join(dir, 'many.checked.xlsx');
    const w = await AnnotatedWorkbook.create(out, { lang: 'zh', messages: MESSAGES, inputPath: 'many.csv' });
    await w.startSheet(info);
    w.addCells(1, 'header', FULL_MAP.headers, []);
    const all: Finding[] = [];
    for (let r = 2; r <= 3001; r++) {
      const f: Finding = {
        rule: 'approval-no-brackets', messageId: 'brackets', severity: 'error', file: 'many.csv', sheet: '登记表', row: r,
        column: 'H', field: 'approvalNo', header: '批准文号', value: `渝职改办〔2019〕${r}号`, data: { found: '〔〕' }, suggestion: `渝职改办【2019】${r}号`,
      };
      all.push(f);
      w.addCells(r, 'data', values, [f]);
      if (r % 256 === 0) await w.drain();
    }
    await w.endSheet();
    await w.finish(result(all, [fileResult({ path: 'many.csv', sheets: [{ name: '登记表', headerRow: 1, rows: 3000 }], annotated: out })]));
    const ws = (await openWorkbook(out)).getWorksheet('登记表')!;
    for (const row of [2, 1000, 3001]) expect(noteText(ws.getCell(`H${row}`))).toContain(`渝职改办【2019】${row}号`);
    const parts = await zipParts(out);
    expect(elements(text(parts, 'xl/comments1.xml'), 'comment')).toHaveLength(3000);
  }, 60_000);
});
