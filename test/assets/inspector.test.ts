import { promises as fs } from 'node:fs';
import fc from 'fast-check';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { EntrySchema, FileSchema, isCacheFile, isEntry } from '../../src/assets/cache.js';
import { createAssetInspector } from '../../src/assets/index.js';
import { DECODER_WARNING } from '../../src/assets/inspect.js';
import { limiter } from '../../src/assets/limit.js';
import { BATCH_TIME_LIMIT_MS, probePool, setProbeLimits } from '../../src/assets/pool.js';
import { expectedNames, foldName } from '../../src/assets/naming.js';
import type { AssetLookup, FileFacts } from '../../src/assets/types.js';
import { InputError } from '../../src/errors.js';
import { makeRecord } from '../helpers/records.js';
import { ID_A, ID_B, ID_C, ID_D, buildAssetFolder, inspect, pdf, tempRoot, type AssetFixture } from './fixtures.js';

let fx: AssetFixture;
beforeAll(async () => {
  fx = await buildAssetFolder();
  await fs.mkdir(path.join(fx.dir, 'sub'));
  await fs.copyFile(path.join(fx.dir, 'colour.jpg'), path.join(fx.dir, 'sub', 'nested.jpg'));
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** The facts of each file used as a photo and as an attachment (`threads`: inspection threads, 0 = this thread). */
async function factsOf(names: string[], threads?: number): Promise<Map<string, { photo: AssetLookup; attachment: AssetLookup }>> {
  const records = names.map((n, i) => makeRecord({ photo: n, attachment: n }, { row: i + 2 }));
  const { inspector } = await inspect(fx.dir, records, threads === undefined ? {} : { threads });
  return new Map(records.map((r, i) => [names[i]!, inspector.facts.forRecord(r)]));
}

function file(l: AssetLookup | undefined): FileFacts {
  expect(l?.status).toBe('found');
  return (l as Extract<AssetLookup, { status: 'found' }>).file;
}

describe('file facts by content', () => {
  const photos: [string, Partial<FileFacts>, Record<string, unknown> | undefined][] = [
    ['colour.jpg', { type: 'jpg', extension: 'jpg' }, { decoded: true, colour: 'colour', width: 300, height: 400, channels: 3 }],
    ['colour.png', { type: 'png' }, { decoded: true, colour: 'colour' }],
    ['grey-1ch.jpg', { type: 'jpg' }, { decoded: true, colour: 'grey-channels', channels: 1 }],
    ['grey-rgb.jpg', { type: 'jpg' }, { decoded: true, colour: 'grey-pixels', channels: 3 }],
    ['grey.png', { type: 'png' }, { decoded: true, colour: 'grey-channels' }],
    ['png-named.jpg', { type: 'png', extension: 'jpg' }, { decoded: true }],
    ['gif-named.jpg', { type: 'gif', extension: 'jpg' }, undefined],
    ['bmp-named.jpg', { type: 'bmp', extension: 'jpg' }, undefined],
    ['truncated.jpg', { type: 'jpg' }, { decoded: false }],
    ['empty.jpg', { type: 'empty', size: 0 }, undefined],
    ['text.jpg', { type: null }, undefined],
    ['landscape.jpg', { type: 'jpg' }, { width: 400, height: 300 }],
  ];
  // Inspected in an inspection thread and in this thread: the same facts.
  const both = <T extends unknown[]>(rows: T[]): [number, ...T][] => rows.flatMap((r) => [[1, ...r] as [number, ...T], [0, ...r] as [number, ...T]]);
  it.each(both(photos))('threads %i: %s as a photo', async (threads, name, expected, image) => {
    const f = file((await factsOf([name], threads)).get(name)?.photo);
    expect(f).toMatchObject(expected);
    if (image) expect(f.image).toMatchObject(image);
    else expect(f.image).toBeUndefined();
    expect(f.pdf).toBeUndefined();
  });

  it('says a truncated JPEG stops at a decoder warning, in one wording on every run', async () => {
    // libvips keeps either the decoder's words or sharp's generic failOn line, depending on timing.
    for (let i = 0; i < 3; i++) {
      const f = file((await factsOf(['truncated.jpg'])).get('truncated.jpg')?.photo);
      expect(f.image).toEqual({ decoded: false, error: DECODER_WARNING });
    }
  });

  const attachments: [string, Partial<FileFacts>, Record<string, unknown> | undefined][] = [
    ['scan3.pdf', { type: 'pdf' }, { status: 'ok', pages: 3, ownerOnly: false }],
    ['one-page.pdf', { type: 'pdf' }, { status: 'ok', pages: 1 }],
    ['user-password.pdf', { type: 'pdf' }, { status: 'user-password' }],
    ['owner-only.pdf', { type: 'pdf' }, { status: 'ok', pages: 3, ownerOnly: true }],
    ['broken.pdf', { type: 'pdf' }, { status: 'invalid' }],
    ['zip-named.pdf', { type: 'zip', extension: 'pdf' }, undefined],
    ['oversize.pdf', { type: 'pdf', size: 10 * 1024 * 1024 + 1 }, undefined], // over the limit: never parsed
    ['pdf-named.dat', { type: 'pdf', extension: 'dat' }, { status: 'ok', pages: 3 }],
  ];
  it.each(both(attachments))('threads %i: %s as an attachment', async (threads, name, expected, pdfFacts) => {
    const f = file((await factsOf([name], threads)).get(name)?.attachment);
    expect(f).toMatchObject(expected);
    if (pdfFacts) expect(f.pdf).toMatchObject(pdfFacts);
    else expect(f.pdf).toBeUndefined();
  });

  it('a thread over its time limit is ended; its files are inspected as before the small readers (sharp, the PDF process), with the same facts', async () => {
    const names = ['colour.jpg', 'grey-rgb.jpg', 'truncated.jpg', 'colour.png', 'scan3.pdf', 'owner-only.pdf', 'broken.pdf', 'gif-named.jpg'];
    const normal = await factsOf(names, 1);
    await setProbeLimits({ batchTimeMs: 1 });
    try {
      const lost = await factsOf(names, 1);
      for (const n of names) expect(lost.get(n), n).toEqual(normal.get(n));
      expect(probePool(1).started).toBeGreaterThan(1); // each thread over the limit was replaced
    } finally {
      await setProbeLimits({ batchTimeMs: BATCH_TIME_LIMIT_MS });
    }
  });

  it('decodes only what a role needs: a photo is not parsed as a PDF, an attachment not decoded', async () => {
    const records = [makeRecord({ photo: 'scan3.pdf', attachment: 'colour.jpg' })];
    const { inspector } = await inspect(fx.dir, records);
    const a = inspector.facts.forRecord(records[0]!);
    expect(file(a.photo).pdf).toBeUndefined();
    expect(file(a.attachment).image).toBeUndefined();
    expect(inspector.stats).toMatchObject({ headerReads: 2, imageDecodes: 0, pdfParses: 0 });
  });
});

describe('finding the file a cell names', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    ['a file name', 'colour.jpg', { status: 'found', source: 'cell' }],
    ['a relative path', 'sub/nested.jpg', { status: 'found' }],
    ['a Windows path', 'sub\\nested.jpg', { status: 'found' }],
    ['a bare name in a sub-folder', 'nested.jpg', { status: 'found' }],
    ['another case', 'COLOUR.JPG', { status: 'found' }],
    ['.. that stays inside', 'sub/../colour.jpg', { status: 'found' }],
    ['a link to a file inside', 'inner-link.jpg', { status: 'found' }],
    ['a missing file', 'nobody.jpg', { status: 'missing' }],
    ['.. leaving the folder', '../outside/secret.jpg', { status: 'unsafe', reason: 'parent' }],
    ['an absolute path', '/etc/hostname', { status: 'unsafe', reason: 'absolute' }],
    ['a Windows absolute path', 'C:\\照片\\secret.jpg', { status: 'unsafe', reason: 'absolute' }],
    ['a link pointing outside', 'escape.jpg', { status: 'unsafe', reason: 'symlink' }],
    ['a path through a linked folder outside', 'linkdir/secret.jpg', { status: 'unsafe', reason: 'symlink' }],
  ];
  it.each(cases)('%s: %s', async (_label, ref, expected) => {
    const got = (await factsOf([ref])).get(ref)!.photo;
    expect(got).toMatchObject(expected);
  });

  // In this thread (threads: 0), where the spy sees every read; the inspection threads are handed the same
  // paths (entries of the folder listing, never a path outside it) and run the same code.
  it('never opens a file outside the folder', async () => {
    const opened: string[] = [];
    const realOpen = fs.open.bind(fs);
    const realRead = fs.readFile.bind(fs);
    vi.spyOn(fs, 'open').mockImplementation(((p: string, ...rest: unknown[]) => {
      opened.push(String(p));
      return (realOpen as (...a: unknown[]) => unknown)(p, ...rest);
    }) as typeof fs.open);
    vi.spyOn(fs, 'readFile').mockImplementation(((p: string, ...rest: unknown[]) => {
      opened.push(String(p));
      return (realRead as (...a: unknown[]) => unknown)(p, ...rest);
    }) as typeof fs.readFile);
    const refs = ['escape.jpg', 'linkdir/secret.jpg', 'linkdir/secret.pdf', '../outside/secret.jpg', path.join(fx.outside, 'secret.pdf'), 'colour.jpg', 'scan3.pdf'];
    const records = refs.map((ref, i) => makeRecord({ photo: ref, attachment: ref }, { row: i + 2 }));
    const { inspector } = await inspect(fx.dir, records, { threads: 0 });
    const statuses = records.map((r) => inspector.facts.forRecord(r).photo.status);
    expect(statuses).toEqual(['unsafe', 'unsafe', 'unsafe', 'unsafe', 'unsafe', 'found', 'found']);
    expect(opened.length).toBeGreaterThan(0); // the spy sees the files that are read
    const realOutside = await fs.realpath(fx.outside);
    expect(opened.filter((p) => p.startsWith(fx.outside) || p.startsWith(realOutside))).toEqual([]);
  });

  it('suggests the file named after the ID number when the named file is missing', async () => {
    const { dir } = await tempRoot();
    await fs.copyFile(path.join(fx.dir, 'colour.jpg'), path.join(dir, `${ID_A}.jpg`));
    const rec = makeRecord({ photo: '张三.jpg', idNumber: ID_A });
    const { inspector } = await inspect(dir, [rec]);
    expect(inspector.facts.forRecord(rec).photo).toEqual({ status: 'missing', ref: '张三.jpg', near: `${ID_A}.jpg` });
  });
});

describe('naming convention (empty cell or no column)', () => {
  let dir: string;
  beforeAll(async () => {
    ({ dir } = await tempRoot());
    const jpg = path.join(fx.dir, 'colour.jpg');
    await fs.copyFile(jpg, path.join(dir, `${ID_A}.JPG`));
    await fs.copyFile(path.join(fx.dir, 'colour.png'), path.join(dir, `${ID_B}_照片.png`));
    await fs.mkdir(path.join(dir, '照片'));
    await fs.copyFile(jpg, path.join(dir, '照片', `李四_${ID_C}.jpg`));
    await fs.copyFile(jpg, path.join(dir, `${ID_D}.jpg`));
    await fs.copyFile(jpg, path.join(dir, `${ID_D}_照片.jpg`));
    await pdf(path.join(dir, `${ID_A}_工程师.pdf`), 3);
    await pdf(path.join(dir, `${ID_A}_高级工程师.pdf`), 1);
    await pdf(path.join(dir, `${ID_B}.pdf`), 3);
    await fs.copyFile(jpg, path.join(dir, `photo-${ID_C}.jpg`));
  });

  const rows: [string, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>][] = [
    ['<ID>.jpg, upper-case extension; <ID>_<职称名称>.pdf', { idNumber: ID_A, title: '工程师' }, { status: 'found', source: 'convention', ref: `${ID_A}.JPG` }, { status: 'found', ref: `${ID_A}_工程师.pdf` }],
    ['second certificate of the same person', { idNumber: ID_A, title: '高级工程师' }, { status: 'found' }, { status: 'found', ref: `${ID_A}_高级工程师.pdf` }],
    ['<ID>_照片.png; <ID>.pdf', { idNumber: ID_B, title: '工程师' }, { status: 'found', ref: `${ID_B}_照片.png` }, { status: 'found', ref: `${ID_B}.pdf` }],
    ['<姓名>_<ID>.jpg in a sub-folder', { idNumber: ID_C, name: '李四' }, { status: 'found', ref: `照片/李四_${ID_C}.jpg` }, { status: 'not-found' }],
    ['lower-case x in the cell finds an upper-case X file', { idNumber: ID_A.toLowerCase(), title: '工程师' }, { status: 'found' }, { status: 'found' }],
  ];
  it.each(rows)('%s', async (_label, values, photo, attachment) => {
    const rec = makeRecord({ ...values, photo: '', attachment: '' });
    const { inspector } = await inspect(dir, [rec]);
    const got = inspector.facts.forRecord(rec);
    expect(got.photo).toMatchObject(photo);
    expect(got.attachment).toMatchObject(attachment);
  });

  it('works without the columns too', async () => {
    const rec = makeRecord({ idNumber: ID_B }, { omit: ['photo', 'attachment'] });
    const { inspector } = await inspect(dir, [rec]);
    expect(inspector.facts.forRecord(rec).photo).toMatchObject({ status: 'found', ref: `${ID_B}_照片.png` });
  });

  it('several candidates: the first in pattern order is checked and all are listed', async () => {
    const rec = makeRecord({ idNumber: ID_D, photo: '' });
    const { inspector } = await inspect(dir, [rec]);
    const got = inspector.facts.forRecord(rec).photo as Extract<AssetLookup, { status: 'found' }>;
    expect(got.file.rel).toBe(`${ID_D}.jpg`);
    expect(got.candidates.map((c) => c.rel)).toEqual([`${ID_D}.jpg`, `${ID_D}_照片.jpg`]);
  });

  it('nothing fits: not-found with example names', async () => {
    const rec = makeRecord({ idNumber: '500101199901011234', photo: '' });
    const { inspector } = await inspect(dir, [rec]);
    expect(inspector.facts.forRecord(rec).photo).toEqual({ status: 'not-found', tried: expectedNames(rec, 'photo').slice(0, 4) });
  });

  it('takes the patterns as a parameter', async () => {
    const rec = makeRecord({ idNumber: ID_C, name: '', photo: '' });
    const patterns = { photo: { patterns: ['photo-{id}'], extensions: ['jpg'] }, attachment: { patterns: ['{id}'], extensions: ['pdf'] } };
    const { inspector } = await inspect(dir, [rec], { patterns });
    expect(inspector.facts.forRecord(rec).photo).toMatchObject({ status: 'found', ref: `photo-${ID_C}.jpg` });
  });

  it('skips patterns whose placeholder is empty', () => {
    const names = expectedNames(makeRecord({ idNumber: ID_A, name: '', title: '' }), 'attachment');
    expect(names).toContain(`${ID_A}.pdf`);
    expect(names.some((n) => n.startsWith('_') || n.includes('{') || n.includes('__'))).toBe(false);
  });
});

describe('folding names', () => {
  it('foldName is NFC + lower case, also through its shortcut for names NFC leaves alone', () => {
    const alphabet = ['a', 'Z', '5', '_', '.', '-', ' ', 'é', 'e\u0301', 'A\u030a', '\u00c5', '\u212b', '工', '程', '师', '照', '片', '（', '）',
      'Ａ', '１', '\u3000', '\u302a', '\u3099', 'か', 'ｶ', '\uff9e', '\u1100\u1161', '가', '\uf900', 'Ω', '\u2126', 'X'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }), (parts) => {
      const name = parts.join('');
      expect(foldName(name)).toBe(name.normalize('NFC').toLowerCase());
    }), { numRuns: 3000 });
  });
});

describe('work done once, within a bound', () => {
  it('inspects a file once even when several rows name it', async () => {
    const records = [1, 2, 3, 4].map((i) => makeRecord({ photo: 'colour.jpg', attachment: 'scan3.pdf' }, { row: i + 1 }));
    const { inspector } = await inspect(fx.dir, records);
    expect(inspector.stats).toMatchObject({ headerReads: 2, imageDecodes: 1, pdfParses: 1 });
    await inspector.prepare([makeRecord({ photo: 'colour.jpg', attachment: 'scan3.pdf' }, { row: 9 })]);
    expect(inspector.stats).toMatchObject({ headerReads: 2, imageDecodes: 1, pdfParses: 1 });
  });

  it('limiter: never more than n tasks at once, all finish in order of start', async () => {
    for (const n of [1, 2, 4]) {
      const run = limiter(n);
      let active = 0;
      let peak = 0;
      const gates: (() => void)[] = [];
      const done: number[] = [];
      const jobs = Array.from({ length: 10 }, (_, i) => run(async () => {
        active++;
        peak = Math.max(peak, active);
        await new Promise<void>((r) => gates.push(r));
        active--;
        done.push(i);
        return i;
      }));
      while (done.length < 10) {
        await new Promise((r) => setImmediate(r));
        expect(active).toBeLessThanOrEqual(n);
        gates.shift()?.();
      }
      expect(await Promise.all(jobs)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(peak).toBe(n);
    }
  });

  it('a failing task does not block the queue', async () => {
    const run = limiter(1);
    const a = run(async () => {
      throw new Error('boom');
    });
    const b = run(async () => 'ok');
    await expect(a).rejects.toThrow('boom');
    await expect(b).resolves.toBe('ok');
  });
});

describe('--cache', () => {
  it('a re-run skips unchanged files and re-reads changed ones', async () => {
    const { root, dir } = await tempRoot();
    await fs.copyFile(path.join(fx.dir, 'colour.jpg'), path.join(dir, 'a.jpg'));
    await fs.copyFile(path.join(fx.dir, 'scan3.pdf'), path.join(dir, 'a.pdf'));
    const cacheFile = path.join(root, 'cache', 'assets.json');
    const records = [makeRecord({ photo: 'a.jpg', attachment: 'a.pdf' })];

    const first = await inspect(dir, records, { cacheFile });
    const before = first.inspector.facts.forRecord(records[0]!);
    await first.inspector.close();
    expect(first.inspector.stats).toMatchObject({ headerReads: 2, imageDecodes: 1, pdfParses: 1, cacheHits: 0 });
    const saved = JSON.parse(await fs.readFile(cacheFile, 'utf8'));
    expect(Object.keys(saved.entries)).toHaveLength(2);
    expect(await fs.readdir(path.dirname(cacheFile))).toEqual(['assets.json']); // no temp file left

    const written = await fs.stat(cacheFile);
    const second = await inspect(dir, records, { cacheFile });
    expect(second.inspector.stats).toMatchObject({ headerReads: 0, imageDecodes: 0, pdfParses: 0, cacheHits: 2 });
    const after = second.inspector.facts.forRecord(records[0]!);
    expect(file(after.photo).image).toEqual(file(before.photo).image);
    expect(file(after.attachment).pdf).toEqual(file(before.attachment).pdf);
    await second.inspector.close();
    // Nothing changed: the cache file is left as it is (a rewrite would be a new file renamed into place).
    expect(second.inspector.written).toEqual([path.resolve(cacheFile)]);
    expect((await fs.stat(cacheFile)).ino).toBe(written.ino);
    expect(JSON.parse(await fs.readFile(cacheFile, 'utf8'))).toEqual(saved);

    await fs.copyFile(path.join(fx.dir, 'grey-rgb.jpg'), path.join(dir, 'a.jpg')); // new size and mtime
    const third = await inspect(dir, records, { cacheFile });
    expect(third.inspector.stats).toMatchObject({ headerReads: 1, imageDecodes: 1, pdfParses: 0, cacheHits: 1 });
    expect(file(third.inspector.facts.forRecord(records[0]!).photo).image?.colour).toBe('grey-pixels');
    await third.inspector.close();
    const rewritten = JSON.parse(await fs.readFile(cacheFile, 'utf8'));
    expect(rewritten.entries['a.jpg'].image.colour).toBe('grey-pixels');
    expect(rewritten.entries['a.pdf']).toEqual(saved.entries['a.pdf']);

    // A file gone from the folder is pruned, and that too is a change written out.
    await fs.rm(path.join(dir, 'a.pdf'));
    const fourth = await inspect(dir, [makeRecord({ photo: 'a.jpg', attachment: '' })], { cacheFile });
    await fourth.inspector.close();
    expect(Object.keys(JSON.parse(await fs.readFile(cacheFile, 'utf8')).entries)).toEqual(['a.jpg']);
  });

  it('a cache file is judged by hand exactly as its zod schema would judge it', () => {
    const entry = (): Record<string, unknown> => ({
      size: 6132, mtimeMs: 1.5e12, hash: 'ab'.repeat(16), type: 'jpg', mime: 'image/jpeg',
      image: { decoded: true, width: 358, height: 441, channels: 3, colour: 'colour' },
    });
    const pdfEntry = (): Record<string, unknown> => ({ size: 2681, mtimeMs: 1, hash: 'cd', type: 'pdf', mime: 'application/pdf', pdf: { status: 'ok', pages: 3, ownerOnly: false } });
    const odd = [undefined, null, true, 0, -1, 1e308, 'x', 'y'.repeat(129), 'z'.repeat(1001), [], {}, [1], { a: 1 }, 'colour', 'grey-pixels', 'ok', 'invalid', 'user-password'];
    const paths = [['size'], ['mtimeMs'], ['hash'], ['type'], ['mime'], ['image'], ['pdf'], ['extra'], ['image', 'decoded'], ['image', 'error'], ['image', 'width'],
      ['image', 'colour'], ['image', 'extra'], ['pdf', 'status'], ['pdf', 'pages'], ['pdf', 'ownerOnly'], ['pdf', 'error'], ['pdf', 'extra']];
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), fc.constantFrom(...odd)), { maxLength: 3 }), fc.boolean(), (changes, asPdf) => {
      const e = asPdf ? pdfEntry() : entry();
      for (const [path, value] of changes) {
        let o: Record<string, unknown> = e;
        for (const key of path.slice(0, -1)) {
          if (typeof o[key] !== 'object' || o[key] === null) o[key] = {};
          o = o[key] as Record<string, unknown>;
        }
        if (value === undefined) delete o[path.at(-1)!];
        else o[path.at(-1)!] = structuredClone(value);
      }
      const file = JSON.parse(JSON.stringify({ version: 'v', entries: { 'a.jpg': e, 'b.pdf': pdfEntry() } }));
      expect(isCacheFile(file)).toBe(FileSchema.safeParse(file).success);
      expect(isEntry(e)).toBe(EntrySchema.safeParse(e).success);
    }), { numRuns: 4000 });
    for (const file of [null, [], { version: 'v' }, { version: 1, entries: {} }, { version: 'v', entries: [] }, { version: 'v', entries: {}, x: 1 }, { version: 'v', entries: { ['p'.repeat(4097)]: entry() } }]) {
      expect(isCacheFile(file)).toBe(FileSchema.safeParse(file).success);
    }
  });

  it('an unreadable cache is ignored, with a warning, and written anew', async () => {
    const { root, dir } = await tempRoot();
    await fs.copyFile(path.join(fx.dir, 'colour.jpg'), path.join(dir, 'a.jpg'));
    const cacheFile = path.join(root, 'cache.json');
    await fs.writeFile(cacheFile, '{not json');
    const rec = makeRecord({ photo: 'a.jpg', attachment: '' });
    const { inspector } = await inspect(dir, [rec], { cacheFile });
    expect(file(inspector.facts.forRecord(rec).photo).image?.colour).toBe('colour');
    expect(inspector.warnings.map((w) => [w.id, w.text('en')])).toEqual([['cache-ignored', `The cache ${cacheFile} could not be used (not valid JSON); it was ignored and will be written anew`]]);
    await inspector.close();
    expect(Object.keys(JSON.parse(await fs.readFile(cacheFile, 'utf8')).entries)).toEqual(['a.jpg']);
  });
});

describe('the folder', () => {
  it('lists files, leaving out spreadsheets, hidden and system files, and the inputs', async () => {
    const { dir } = await tempRoot();
    for (const n of ['a.jpg', 'records.xlsx', 'records.csv', '~$records.xlsx', '.DS_Store', 'Thumbs.db', 'notes.txt']) await fs.writeFile(path.join(dir, n), 'x');
    await fs.mkdir(path.join(dir, '.git'));
    await fs.writeFile(path.join(dir, '.git', 'x.jpg'), 'x');
    const inspector = await createAssetInspector({ dir, inputs: [path.join(dir, 'notes.txt')] });
    expect(inspector.facts.files().map((f) => f.rel)).toEqual(['a.jpg']);
  });

  it('never lists the text exports of other records (.txt, .tsv) nor reports (.xml, .json) as unused files', async () => {
    const { dir } = await tempRoot();
    for (const n of ['a.jpg', '登记表.txt', '登记表.tsv', 'junit.xml', 'report.json', 'b.pdf']) await fs.writeFile(path.join(dir, n), 'x');
    const inspector = await createAssetInspector({ dir, inputs: [path.join(dir, 'records.xlsx')] });
    expect(inspector.facts.files().map((f) => f.rel)).toEqual(['a.jpg', 'b.pdf']);
  });

  it('writes nothing into the assets folder', async () => {
    const before = (await fs.readdir(fx.dir)).sort();
    const records = before.map((n, i) => makeRecord({ photo: n, attachment: n }, { row: i + 2 }));
    const { inspector } = await inspect(fx.dir, records, { cacheFile: path.join(fx.root, 'c.json') });
    await inspector.close();
    expect((await fs.readdir(fx.dir)).sort()).toEqual(before);
  });

  it('a missing folder is an input error', async () => {
    await expect(createAssetInspector({ dir: path.join(fx.root, 'nope') })).rejects.toBeInstanceOf(InputError);
  });

  it('an unprepared record has no facts', async () => {
    const inspector = await createAssetInspector({ dir: fx.dir });
    expect(inspector.facts.forRecord(makeRecord()).photo.status).toBe('unprepared');
  });
});
