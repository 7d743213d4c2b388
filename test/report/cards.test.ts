/**
 * --cards through the real pipeline on a real workbook, photos and PDFs: the sheets read back with parse5 —
 * which files, the fields in the guide's order, the values after the certain fixes, escaping, errors and
 * warnings, ID numbers, no external resources — and how the folder is written, replaced and left alone.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { loadReferenceData } from '../../src/data/reference.js';
import { MessageBook } from '../../src/engine/messages.js';
import { runCheck, type RunResult } from '../../src/run/check-run.js';
import { CardsWriter, INDEX_NAME, MANIFEST_NAME, type CardsWriterOptions } from '../../src/report/cards/writer.js';
import type { RowSink } from '../../src/report/sink.js';
import type { CardsReport } from '../../src/report/types.js';
import { makeTempDir } from '../read/files.js';
import { attr, byClass, elements, fieldRows, hasClass, one, parseHtml, text, type FieldRow } from './cards-dom.js';
import {
  buildCardsFixture, CARD_ROWS, DISTRICT, HOSTILE_LOCAL, HOSTILE_NAME, ID_A, ID_B, ID_C, ID_D, writeWorkbook, type CardsFixture,
} from './cards-fixture.js';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

const TODAY = { y: 2026, m: 11, d: 27 };
let fx: CardsFixture;

function writer(dir: string, over: Partial<CardsWriterOptions> = {}): CardsWriter {
  return new CardsWriter({
    dir, lang: 'zh', showPii: false, messages: new MessageBook(RULES), lookups: loadReferenceData().guide,
    startedAt: new Date(2026, 10, 27, 9, 30), version: 'test', ...over,
  });
}

async function runCards(inputs: string[], dir: string, over: Partial<CardsWriterOptions> = {}): Promise<{ result: RunResult; report: CardsReport }> {
  const w = writer(dir, over);
  const result = await runCheck({ inputs, assets: fx.assets, noOut: true, lang: over.lang ?? 'zh', today: TODAY, sinks: [w] });
  return { result, report: result.cards! };
}

const read = (dir: string, name: string): string => readFileSync(join(dir, name), 'utf8');
const sheet = (dir: string, name: string): FieldRow[] => fieldRows(parseHtml(read(dir, name)).doc);
const field = (rows: FieldRow[], key: string): FieldRow => rows.find((r) => r.field === key)!;
const htmlFiles = (dir: string): string[] => readdirSync(dir).filter((n) => n.endsWith('.html')).sort();

/** The platform's fields as the guide walks them, 三（一）to（十五）. */
const GUIDE_ORDER = [
  ['name', '三（一）', '姓名'], ['idNumber', '三（一）', '身份证号'], ['photo', '三（二）', '免冠照'], ['attachment', '三（三）', '证书附件'],
  ['approvalNo', '三（四）', '批准文号'], ['region', '三（五）', '行政区划'], ['birthDate', '三（六）', '出生年月'], ['series', '三（七）', '职称系列'],
  ['level', '三（八）', '职称级别'], ['title', '三（九）', '职称名称'], ['hasSpecialty', '三（十）', '评审活动是否设置评审专业'],
  ['issueDate', '三（十一）', '发证时间'], ['obtainDate', '三（十一）', '取得时间'], ['specialty', '三（十二）', '评审专业名称'],
  ['localSpecialty', '三（十二）', '本地评审专业'], ['authority', '三（十三）', '审核机关（单位）'], ['committee', '三（十四）', '评审机构'],
  ['certNo', '三（十五）', '证书编号'],
];

const SHEETS = ['0001-张三-工程师.html', '0001-张三-高级工程师.html', '0003-王五-工程师.html', "0004-赵_六_&_'-工程师.html"];

let dir: string;
let report: CardsReport;
let result: RunResult;

beforeAll(async () => {
  fx = await buildCardsFixture(tmp.dir);
  dir = join(tmp.dir, 'cards');
  ({ result, report } = await runCards([fx.input], dir));
});

describe('which sheets are written', () => {
  it('one sheet per certificate, numbered by person, and the index first', () => {
    expect(htmlFiles(dir)).toEqual([INDEX_NAME, ...SHEETS].sort());
    expect(report).toMatchObject({ dir, index: join(dir, INDEX_NAME), sheets: 4, people: 3 });
    // The manifest lists what was written, in the rows' order (张三's second certificate is row 5).
    expect(JSON.parse(read(dir, MANIFEST_NAME))).toEqual({ tool: 'cert-check', kind: 'cards', files: [INDEX_NAME, SHEETS[0], SHEETS[2], SHEETS[1], SHEETS[3]] });
  });

  it('a person with several certificates: one sheet each, grouped on one line of the index', () => {
    const { doc } = parseHtml(read(dir, INDEX_NAME));
    const people = elements(one(doc, (el) => el.tagName === 'table' && hasClass(el, 'people')), (el) => el.tagName === 'tr' && attr(el, 'data-person') !== undefined);
    expect(people.map((tr) => attr(tr, 'data-person'))).toEqual(['1', '3', '4']);
    const links = elements(people[0]!, (el) => el.tagName === 'a');
    expect(links.map((a) => decodeURIComponent(attr(a, 'href')!))).toEqual(['0001-张三-工程师.html', '0001-张三-高级工程师.html']);
    expect(links.map(text)).toEqual(['工程师', '高级工程师']);
    for (const a of elements(doc, (el) => el.tagName === 'a')) expect(existsSync(join(dir, decodeURIComponent(attr(a, 'href')!)))).toBe(true);
  });

  it('a row with errors gets no sheet; the report and the index say who and why', () => {
    expect(htmlFiles(dir).some((n) => n.includes('李四'))).toBe(false);
    expect(report.missing).toHaveLength(1);
    expect(report.missing[0]).toMatchObject({ source: { file: fx.input, sheet: '登记表', row: 3 }, name: '李四', idNumber: ID_B, title: '工程师' });
    expect(report.missing[0]!.reasons).toEqual([
      expect.objectContaining({ field: 'birthDate', label: '出生年月', rule: 'birth-date-matches-id', message: expect.stringContaining('1985-02') }),
    ]);
    const { doc } = parseHtml(read(dir, INDEX_NAME));
    const missing = elements(one(doc, (el) => el.tagName === 'table' && hasClass(el, 'missing')), (el) => el.tagName === 'tr' && attr(el, 'data-person') !== undefined);
    expect(missing).toHaveLength(1);
    const cells = elements(missing[0]!, (el) => el.tagName === 'td').map(text);
    expect(cells[1]).toBe('李四');
    expect(cells[2]).toBe(`${ID_B.slice(0, 6)}********${ID_B.slice(14)}`);
    expect(cells[4]).toBe('records.xlsx 第 3 行');
    expect(cells[5]).toContain('出生年月：出生年月 1985-03 与身份证号中的 1985-02 不一致');
  });

  it('the rows that fixes settle are not missing: the findings the cards go by are those after the fixes', () => {
    // The run's own findings (without --fix) hold errors on rows 2 and 5, yet both have sheets.
    const rowsWithErrors = [...new Set(result.findings.filter((f) => f.severity === 'error').map((f) => f.row))].sort();
    expect(rowsWithErrors).toEqual([2, 3, 5]);
    expect(report.missing.map((m) => m.source.row)).toEqual([3]);
  });
});

describe('what a sheet says', () => {
  it('walks the platform fields in the guide order 三（一）to（十五）, on every sheet', () => {
    for (const name of SHEETS) {
      expect(sheet(dir, name).map((r) => [r.field, r.section, r.label.replace(/(自动生成|上传|选择|填写|无需选择|不填)$/, '')])).toEqual(GUIDE_ORDER);
    }
  });

  it('gives the exact values after the certain fixes, with a note where the records sheet differs', () => {
    const first = sheet(dir, SHEETS[0]!);
    expect(field(first, 'name').value).toBe('张三');
    expect(field(first, 'idNumber').value).toBe(ID_A);
    expect(field(first, 'approvalNo')).toMatchObject({ value: '铜职改办【2019】12号', action: 'type' });
    expect(field(first, 'approvalNo').note).toContain('铜职改办〔2019〕12号');
    expect(field(first, 'region')).toMatchObject({ value: '铜梁区', note: '', action: 'choose' });
    expect(field(first, 'authority')).toMatchObject({ value: DISTRICT, action: 'choose' });
    expect(field(first, 'certNo')).toMatchObject({ value: 'TL20190012', action: 'type' });
    expect(field(first, 'hasSpecialty').value).toBe('是');
    expect(field(first, 'committee').value).toBe('重庆市工程技术中级职务铜梁区评审委员会');

    const senior = sheet(dir, SHEETS[1]!);
    expect(field(senior, 'level')).toMatchObject({ value: '高级（副高）', action: 'choose' });
    expect(field(senior, 'level').note).toContain('副高级');
    expect(field(senior, 'region').value).toBe('重庆市');
    expect(field(senior, 'region').note).toContain('铜梁区');
    expect(field(senior, 'authority')).toMatchObject({ value: '', action: 'default' });
    expect(field(senior, 'authority').cell).toContain('系统默认，无需选择');
    expect(field(senior, 'authority').hint).toContain('重庆市人力资源和社会保障局（重庆市职称改革办公室）');
    expect(field(senior, 'certNo')).toMatchObject({ value: '', action: 'empty' });
    expect(field(senior, 'certNo').cell).toContain('不填');
    expect(field(senior, 'localSpecialty')).toMatchObject({ value: '', action: 'empty' });
  });

  it('the values are those --fix writes into the .fixed.xlsx (the same corrections, not a second derivation)', async () => {
    const fixed = await runCheck({ inputs: [fx.input], assets: fx.assets, noOut: true, fix: true, lang: 'zh', today: TODAY });
    expect(fixed.fixes!.length).toBeGreaterThanOrEqual(3);
    const byRow: Record<number, string> = { 2: SHEETS[0]!, 5: SHEETS[1]! };
    for (const fix of fixed.fixes!) expect(field(sheet(dir, byRow[fix.row]!), fix.field).value, `${fix.row} ${fix.field}`).toBe(fix.to);
  });

  it('with --fix the sheets are the same (the pipeline\'s corrected rows are used as they are)', async () => {
    const d = join(tmp.dir, 'with-fix');
    const w = writer(d);
    const r = (await runCheck({ inputs: [fx.input], assets: fx.assets, noOut: true, fix: true, lang: 'zh', today: TODAY, sinks: [w] })).cards!;
    expect(r.missing.map((m) => m.source.row)).toEqual([3]);
    expect(htmlFiles(d)).toEqual(htmlFiles(dir));
    for (const name of SHEETS) expect(sheet(d, name), name).toEqual(sheet(dir, name));
  });

  it('writes dates the way the date picker wants them: YYYY-MM-DD, 出生年月 YYYY-MM', () => {
    const first = sheet(dir, SHEETS[0]!);
    expect(field(first, 'birthDate').value).toBe('1980-01');
    expect(field(first, 'issueDate').value).toBe('2019-12-20');
    expect(field(first, 'obtainDate').value).toBe('2019-11-15');
    const senior = sheet(dir, SHEETS[1]!);
    expect(field(senior, 'issueDate').value).toBe('2023-12-15');
    expect(field(senior, 'obtainDate').value).toBe('2023-11-12');
  });

  it('names the files to upload, with their size', () => {
    const senior = sheet(dir, SHEETS[1]!);
    const photoSize = statSync(join(fx.assets, `${ID_A}.jpg`)).size;
    const pdfSize = statSync(join(fx.assets, `${ID_A}_高级工程师.pdf`)).size;
    expect(field(senior, 'photo')).toMatchObject({ value: `${ID_A}.jpg`, action: 'upload' });
    expect(field(senior, 'photo').cell).toContain(`（${photoSize.toLocaleString('en-US')} 字节）`);
    expect(field(senior, 'photo').cell).toContain('JPEG，300×400');
    expect(field(senior, 'attachment')).toMatchObject({ value: `${ID_A}_高级工程师.pdf`, action: 'upload' });
    expect(field(senior, 'attachment').cell).toContain(`（${pdfSize.toLocaleString('en-US')} 字节）`);
    expect(field(senior, 'attachment').cell).toContain('PDF，1 页');
    expect(field(sheet(dir, SHEETS[0]!), 'attachment').cell).toContain('PDF，3 页');
  });

  it('a one-line hint from the guide on every field, chosen by the row where the guide says so', () => {
    const first = sheet(dir, SHEETS[0]!);
    const senior = sheet(dir, SHEETS[1]!);
    for (const r of [...first, ...senior]) expect(r.hint.length, r.field).toBeGreaterThan(3);
    expect(field(first, 'approvalNo').hint).toContain('括号用【】');
    expect(field(first, 'region').hint).toBe('高级职称选“重庆市”，中、初级职称选“铜梁区”');
    expect(field(first, 'certNo').hint).toContain('2021年以来：不填');
    expect(field(first, 'attachment').hint).toContain('2021年及以前');
    expect(field(senior, 'attachment').hint).toContain('2022年以来');
    expect(field(first, 'authority').hint).toContain('铜梁区人力资源和社会保障局');
  });

  it('prints the warnings of a row on its sheet, on the field and at the top', () => {
    const { doc } = parseHtml(read(dir, SHEETS[2]!));
    const check = one(doc, (el) => attr(el, 'data-role') === 'check');
    expect(text(check)).toContain('本单有 1 处需要核对');
    const obtain = field(fieldRows(doc), 'obtainDate');
    expect(obtain.classes).toContain('flag');
    expect(obtain.warnings).toHaveLength(1);
    expect(obtain.warnings[0]).toContain('取得时间 2017-11-15 与发证时间 2019-12-20 相差一年以上');
    // Sheets without warnings have no such box.
    expect(elements(parseHtml(read(dir, SHEETS[0]!)).doc, (el) => attr(el, 'data-role') === 'check')).toEqual([]);
  });

  it('the guide\'s values for platform fields the records sheet has no column for', async () => {
    const d = join(tmp.dir, 'no-columns');
    await runCards([fx.noColumns], d);
    const first = sheet(d, SHEETS[0]!);
    expect(field(first, 'region')).toMatchObject({ value: '铜梁区', note: '登记表中无此列，按指南' });
    expect(field(first, 'hasSpecialty')).toMatchObject({ value: '是', note: '登记表中无此列，按指南' });
    expect(field(first, 'authority')).toMatchObject({ value: DISTRICT, note: '登记表中无此列，按指南' });
    const senior = sheet(d, SHEETS[1]!);
    expect(field(senior, 'region').value).toBe('重庆市');
    expect(field(senior, 'authority')).toMatchObject({ value: '', action: 'default' });
  });
});

describe('safety of the HTML', () => {
  it('escapes every value: text that means something in HTML comes back as the same text', () => {
    const name = SHEETS[3]!;
    const html = read(dir, name);
    const { doc, errors } = parseHtml(html);
    expect(errors).toEqual([]);
    expect(text(byClass(doc, 'name')[0]!)).toBe(HOSTILE_NAME);
    expect(field(fieldRows(doc), 'name').value).toBe(HOSTILE_NAME);
    expect(field(fieldRows(doc), 'localSpecialty').value).toBe(HOSTILE_LOCAL);
    expect(text(one(doc, (el) => el.tagName === 'title'))).toContain(HOSTILE_NAME);
    expect(elements(doc, (el) => el.tagName === 'script')).toEqual([]);
    expect(elements(doc, (el) => el.tagName === 'img').map((img) => attr(img, 'src')!.slice(0, 23))).toEqual(['data:image/jpeg;base64,']);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    const index = parseHtml(read(dir, INDEX_NAME)).doc;
    expect(elements(index, (el) => el.tagName === 'td' && hasClass(el, 'name')).map(text)).toContain(HOSTILE_NAME);
  });

  it('every page is self-contained: no scripts, no external resources, nothing that loads or runs', () => {
    for (const name of htmlFiles(dir)) {
      const { doc, errors } = parseHtml(read(dir, name));
      expect(errors, name).toEqual([]);
      const all = elements(doc);
      const banned = ['script', 'link', 'iframe', 'frame', 'object', 'embed', 'base', 'form', 'audio', 'video', 'source', 'svg', 'math'];
      expect(all.filter((el) => banned.includes(el.tagName)).map((el) => el.tagName), name).toEqual([]);
      for (const el of all) {
        for (const a of el.attrs) {
          expect(a.name.startsWith('on'), `${name} ${el.tagName} ${a.name}`).toBe(false);
          if (a.name === 'src') expect(a.value).toMatch(/^data:image\/jpeg;base64,[A-Za-z0-9+/=]+$/);
          if (a.name === 'href') expect(existsSync(join(dir, decodeURIComponent(a.value))), a.value).toBe(true);
          if (a.name === 'style' || a.name === 'srcset' || a.name === 'action' || a.name === 'formaction') throw new Error(`${name}: ${a.name}`);
        }
      }
      const csp = one(doc, (el) => el.tagName === 'meta' && attr(el, 'http-equiv') === 'Content-Security-Policy');
      expect(attr(csp, 'content')).toContain("default-src 'none'");
      expect(attr(csp, 'content')).not.toContain('script-src');
      for (const style of elements(doc, (el) => el.tagName === 'style')) expect(text(style)).not.toMatch(/url\(|@import|expression\(/i);
      expect(text(one(doc, (el) => el.tagName === 'style'))).toContain('@page{size:A4 portrait');
    }
  });

  it('embeds the photo as a small JPEG thumbnail', async () => {
    const { doc } = parseHtml(read(dir, SHEETS[0]!));
    const src = attr(one(doc, (el) => el.tagName === 'img'), 'src')!;
    const bytes = Buffer.from(src.slice('data:image/jpeg;base64,'.length), 'base64');
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 240, height: 320, channels: 3 });
    expect(bytes.length).toBeLessThan(30_000);
  });

  it('ID numbers: in full only on the holder\'s own sheet; the index masks them unless --show-pii', async () => {
    const ids = (html: string): string[] => [...new Set(html.match(/(?<![0-9])\d{17}[\dX](?![0-9])/g) ?? [])];
    const own: Record<string, string> = { [SHEETS[0]!]: ID_A, [SHEETS[1]!]: ID_A, [SHEETS[2]!]: ID_C, [SHEETS[3]!]: ID_D };
    for (const [name, id] of Object.entries(own)) expect(ids(read(dir, name)), name).toEqual([id]);
    const index = read(dir, INDEX_NAME);
    expect(ids(index)).toEqual([]);
    expect(index).toContain(`${ID_A.slice(0, 6)}********${ID_A.slice(14)}`);
    const pii = join(tmp.dir, 'pii');
    await runCards([fx.input], pii, { showPii: true });
    expect(ids(read(pii, INDEX_NAME)).sort()).toEqual([ID_A, ID_B, ID_C, ID_D].sort());
  });
});

describe('the folder', () => {
  it('a second run replaces the sheets it wrote, drops a sheet whose row now has errors, and leaves other files alone', async () => {
    const d = join(tmp.dir, 'rerun');
    const input = join(tmp.dir, 'rerun.xlsx');
    await writeWorkbook(input, CARD_ROWS);
    await runCards([input], d);
    expect(htmlFiles(d)).toContain(SHEETS[2]);
    writeFileSync(join(d, 'notes.txt'), 'the clerk\'s own notes');
    // 王五's 出生年月 no longer agrees with the ID: his sheet must not survive from the first run.
    await writeWorkbook(input, CARD_ROWS.map((r) => (r.name === '王五' ? { ...r, birthDate: '1990.04' } : r)));
    const { report: again } = await runCards([input], d);
    expect(htmlFiles(d)).toEqual([INDEX_NAME, SHEETS[0]!, SHEETS[1]!, SHEETS[3]!].sort());
    expect(readFileSync(join(d, 'notes.txt'), 'utf8')).toBe('the clerk\'s own notes');
    expect(again.missing.map((m) => m.name)).toEqual(['李四', '王五']);
    expect(readdirSync(tmp.dir).filter((n) => n.startsWith('.rerun.'))).toEqual([]);
  });

  it('a name the folder already holds (not written by cert-check) is never overwritten', async () => {
    const d = join(tmp.dir, 'taken');
    await runCards([fx.input], d);
    // The clerk saved a page of their own under the name the next run would give 王五's sheet.
    const manifest = JSON.parse(read(d, MANIFEST_NAME)) as { files: string[] };
    writeFileSync(join(d, MANIFEST_NAME), JSON.stringify({ ...manifest, files: manifest.files.filter((f) => f !== SHEETS[2]) }));
    writeFileSync(join(d, SHEETS[2]!), 'mine');
    await runCards([fx.input], d);
    expect(read(d, SHEETS[2]!)).toBe('mine');
    expect(htmlFiles(d)).toContain('0003-王五-工程师-2.html');
  });

  it('nothing is left behind when the run ends in exit 2 (an input it cannot read): no folder, no staging folder, no parent created', async () => {
    const d = join(tmp.dir, 'new-parent', 'deeper', 'cards');
    let staged = false;
    // A sink after the cards sees the staging folder the sheets were written into while the rows went by.
    const spy: RowSink = {
      addRows: async () => {
        staged ||= readdirSync(join(tmp.dir, 'new-parent', 'deeper')).some((n) => n.startsWith('.cards.'));
      },
      finish: async () => ({}),
      abort: () => {},
    };
    const result = await runCheck({ inputs: [fx.input, join(tmp.dir, 'missing.xlsx')], assets: fx.assets, noOut: true, lang: 'zh', today: TODAY, sinks: [writer(d), spy] });
    expect(result.failures.map((f) => f.path)).toEqual([join(tmp.dir, 'missing.xlsx')]);
    expect(staged).toBe(true);
    expect(result.cards).toBeUndefined();
    expect(existsSync(join(tmp.dir, 'new-parent'))).toBe(false);
  });

  it('an empty run still writes the index, which says so', async () => {
    const d = join(tmp.dir, 'none');
    const input = join(tmp.dir, 'only-errors.xlsx');
    await writeWorkbook(input, [CARD_ROWS[1]!]);
    const { report: r } = await runCards([input], d);
    expect(r).toMatchObject({ sheets: 0, people: 0 });
    expect(htmlFiles(d)).toEqual([INDEX_NAME]);
    expect(text(parseHtml(read(d, INDEX_NAME)).doc)).toContain('没有可以生成填报单的行');
  });
});

describe('--lang en', () => {
  it('labels and hints in English; the platform labels and values stay as the platform shows them', async () => {
    const d = join(tmp.dir, 'en');
    await runCards([fx.input], d, { lang: 'en' });
    const { doc } = parseHtml(read(d, SHEETS[0]!));
    expect(elements(doc, (el) => el.tagName === 'th').map(text)).toEqual(['Guide', 'Platform field', 'Type or choose exactly', 'Guide says', 'Done']);
    const rows = fieldRows(doc);
    expect(field(rows, 'region').label).toBe('行政区划choose');
    expect(field(rows, 'region').hint).toBe('senior titles: 重庆市; intermediate and junior: 铜梁区');
    expect(field(rows, 'approvalNo').value).toBe('铜职改办【2019】12号');
    expect(attr(one(doc, (el) => el.tagName === 'html'), 'lang')).toBe('en');
  });
});
