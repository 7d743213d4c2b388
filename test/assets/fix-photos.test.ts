/** --fix-photos: photos too large or not JPEG/PNG become JPEGs ≤ 204,800 bytes that pass the photo rules; originals untouched. */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BmpError, decodeBmp } from '../../src/assets/bmp.js';
import { checkFixPhotosTarget, encodeUnder, fixReasons, type FixedPhoto } from '../../src/assets/fix-photos.js';
import { isGreyPixels } from '../../src/assets/inspect.js';
import { PHOTO_MAX_BYTES } from '../../src/assets/limits.js';
import type { FileFacts } from '../../src/assets/types.js';
import { InputError } from '../../src/errors.js';
import { FIELD_KEYS, FIELDS, type FieldKey } from '../../src/model/fields.js';
import { GOOD_ROW } from '../helpers/records.js';
import { makeTempDir, writeWorkbook } from '../read/files.js';
import { idFrom } from './fixtures.js';

const root = resolve(__dirname, '../..');
const bin = join(root, 'bin/cert-check.js');
const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

/** Raw RGB pixels: colour noise (does not compress) or a colour gradient; grey noise when `grey`. */
function pixels(width: number, height: number, kind: 'noise' | 'gradient' | 'grey-noise'): Buffer {
  const b = Buffer.alloc(width * height * 3);
  const random = randomBytes(width * height * 3);
  let k = 0;
  const rnd = () => random[k++]!;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      if (kind === 'gradient') {
        b[i] = Math.round((x / width) * 255);
        b[i + 1] = Math.round((y / height) * 255);
        b[i + 2] = 128;
      } else if (kind === 'noise') {
        b[i] = rnd();
        b[i + 1] = rnd();
        b[i + 2] = rnd();
      } else {
        b.fill(rnd(), i, i + 3);
      }
    }
  }
  return b;
}
const raw = (w: number, h: number, kind: Parameters<typeof pixels>[2]) => sharp(pixels(w, h, kind), { raw: { width: w, height: h, channels: 3 } });

/** A BMP written by hand from RGB pixels: 24-bit bottom-up, 32-bit top-down, or 8-bit with a palette. */
function bmp(rgb: Buffer, width: number, height: number, depth: 24 | 32 | 8): Buffer {
  let palette = Buffer.alloc(0);
  const index = new Map<number, number>();
  if (depth === 8) {
    const colours: number[] = [];
    for (let i = 0; i < rgb.length; i += 3) {
      const c = (rgb[i]! << 16) | (rgb[i + 1]! << 8) | rgb[i + 2]!;
      if (!index.has(c)) {
        index.set(c, colours.length);
        colours.push(c);
      }
    }
    if (colours.length > 256) throw new Error('too many colours for 8-bit');
    palette = Buffer.alloc(colours.length * 4);
    colours.forEach((c, i) => {
      palette[i * 4] = c & 0xff;
      palette[i * 4 + 1] = (c >> 8) & 0xff;
      palette[i * 4 + 2] = (c >> 16) & 0xff;
    });
  }
  const stride = Math.ceil((width * depth) / 32) * 4;
  const data = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const row = depth === 32 ? y : height - 1 - y; // 32-bit: top-down (negative height)
    for (let x = 0; x < width; x++) {
      const s = (y * width + x) * 3;
      const d = row * stride + x * (depth / 8);
      if (depth === 8) data[row * stride + x] = index.get((rgb[s]! << 16) | (rgb[s + 1]! << 8) | rgb[s + 2]!)!;
      else {
        data[d] = rgb[s + 2]!;
        data[d + 1] = rgb[s + 1]!;
        data[d + 2] = rgb[s]!;
      }
    }
  }
  const header = Buffer.alloc(54);
  header.write('BM', 0, 'latin1');
  header.writeUInt32LE(54 + palette.length + data.length, 2);
  header.writeUInt32LE(54 + palette.length, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(width, 18);
  header.writeInt32LE(depth === 32 ? -height : height, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(depth, 28);
  header.writeUInt32LE(data.length, 34);
  header.writeUInt32LE(depth === 8 ? palette.length / 4 : 0, 46);
  return Buffer.concat([header, palette, data]);
}

describe('decodeBmp', () => {
  const w = 13;
  const h = 7; // odd width: rows are padded
  const rgb = pixels(w, h, 'gradient');
  it.each([24, 32] as const)('decodes %i-bit pixels exactly', (depth) => {
    const img = decodeBmp(bmp(rgb, w, h, depth));
    expect([img.width, img.height, img.channels]).toEqual([w, h, 3]);
    expect(img.data.equals(rgb)).toBe(true);
  });
  it('decodes an 8-bit palette picture exactly', () => {
    const few = Buffer.alloc(w * h * 3);
    for (let i = 0; i < w * h; i++) few.set([(i % 5) * 50, (i % 3) * 100, 200], i * 3);
    expect(decodeBmp(bmp(few, w, h, 8)).data.equals(few)).toBe(true);
  });
  it.each([
    ['not a BMP', Buffer.from('GIF89a not a bitmap at all, just text here')],
    ['RLE-compressed', (() => { const b = bmp(rgb, w, h, 24); b.writeUInt32LE(1, 30); return b; })()],
    ['truncated', bmp(rgb, w, h, 24).subarray(0, 80)],
  ])('refuses %s', (_, buf) => {
    expect(() => decodeBmp(buf)).toThrow(BmpError);
  });
});

describe('which photos need fixing', () => {
  const facts = (over: Partial<FileFacts>): FileFacts => ({ rel: 'a', display: 'a', size: 1000, mtimeMs: 0, extension: 'jpg', type: 'jpg', ...over });
  it.each([
    [{ type: 'jpg', size: PHOTO_MAX_BYTES }, []],
    [{ type: 'jpg', size: PHOTO_MAX_BYTES + 1 }, ['too-large']],
    [{ type: 'png', size: 300_000 }, ['too-large']],
    [{ type: 'gif', size: 5_000 }, ['format']],
    [{ type: 'bmp', size: 900_000 }, ['format', 'too-large']],
    [{ type: 'webp', size: 5_000 }, ['format']],
    [{ type: 'pdf', size: 900_000 }, []],
    [{ type: null, size: 900_000 }, []],
    [{ type: 'empty', size: 0 }, []],
    [{ type: 'jpg', size: 900_000, readError: 'EACCES' }, []],
  ] as [Partial<FileFacts>, string[]][])('%j → %j', (over, reasons) => {
    expect(fixReasons(facts(over))).toEqual(reasons);
  });
});

describe('the target folder', () => {
  const base = join(tmp.dir, 'target-cases');
  const assets = join(base, 'assets');
  beforeAll(() => {
    mkdirSync(join(assets, 'sub'), { recursive: true });
    writeFileSync(join(base, 'a-file'), 'x');
    symlinkSync(assets, join(base, 'link-to-assets'));
  });
  it.each([
    ['the assets folder itself', () => assets, true],
    ['a folder inside it', () => join(assets, 'fixed'), true],
    ['an existing sub-folder', () => join(assets, 'sub'), true],
    ['a link to the assets folder', () => join(base, 'link-to-assets'), true],
    ['a file', () => join(base, 'a-file'), true],
    ['a sibling folder (missing yet)', () => join(base, 'fixed'), false],
    ['the parent folder', () => base, false],
  ] as [string, () => string, boolean][])('%s → refused: %s', (_, target, refused) => {
    const run = () => checkFixPhotosTarget(target(), assets);
    if (refused) expect(run).toThrow(InputError);
    else expect(run).not.toThrow();
  });
});

describe('encodeUnder', () => {
  it('lowers quality, then shrinks keeping the aspect ratio, until the limit is met', async () => {
    const w = 301;
    const h = 397;
    const img = { data: pixels(w, h, 'noise'), width: w, height: h };
    const r = (await encodeUnder(img, 20_000))!;
    expect(r.jpeg.length).toBeLessThanOrEqual(20_000);
    expect(r.width).toBeLessThan(w);
    expect(Math.abs(r.height - (r.width * h) / w)).toBeLessThanOrEqual(1);
    const meta = await sharp(r.jpeg).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', r.width, r.height]);
  });
  it('gives up (null) rather than make a stamp-sized photo', async () => {
    const img = { data: pixels(200, 260, 'noise'), width: 200, height: 260 };
    expect(await encodeUnder(img, 500)).toBeNull();
  });
});

describe('--fix-photos through the launcher', () => {
  const assets = join(tmp.dir, 'assets');
  const fixed = join(tmp.dir, 'fixed');
  /** name, file, displayed width × height, what happens. */
  const photos = [
    { key: 'noise', id: idFrom('50022419800101123'), file: 'noise.jpg', w: 600, h: 800, expect: 'written' },
    { key: 'gif', id: idFrom('50011219850203456'), file: 'gif.gif', w: 150, h: 200, expect: 'written' },
    { key: 'bmp', id: idFrom('50010119900304567'), file: 'bmp.bmp', w: 120, h: 160, expect: 'written' },
    { key: 'png', id: idFrom('50010119750506789'), file: 'big.png', w: 400, h: 520, expect: 'written' },
    { key: 'webp', id: idFrom('50022419820202456'), file: 'pic.webp', w: 300, h: 400, expect: 'written' },
    { key: 'rotated', id: idFrom('50022419830303789'), file: 'rotated.jpg', w: 600, h: 800, expect: 'written' },
    { key: 'grey', id: idFrom('50022419840404123'), file: 'grey.jpg', w: 600, h: 800, expect: 'grey' },
    { key: 'fine', id: idFrom('50022419850505456'), file: 'fine.jpg', w: 300, h: 400, expect: 'untouched' },
  ];
  const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
  const hashes = new Map<string, string>();
  const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: tmp.dir, encoding: 'utf8', timeout: 120_000 });
  let run: ReturnType<typeof cli>;
  let report: FixedPhoto[];

  /** A sheet of the rows; `photoName` gives each row's 免冠照 cell. */
  async function workbook(path: string, rows: typeof photos, photoName: (p: (typeof photos)[number]) => string): Promise<void> {
    const keys = FIELD_KEYS;
    await writeWorkbook(path, (wb) => {
      const ws = wb.addWorksheet('登记表');
      ws.addRow(keys.map((k) => FIELDS[k].header));
      rows.forEach((p, i) => {
        const v: Partial<Record<FieldKey, unknown>> = {
          ...GOOD_ROW, name: `人${i}`, idNumber: p.id, birthDate: `${p.id.slice(6, 10)}.${p.id.slice(10, 12)}`, certNo: `TL2019${i}`, photo: photoName(p), attachment: '',
        };
        ws.addRow(keys.map((k) => v[k] ?? null));
      });
    });
  }

  beforeAll(async () => {
    mkdirSync(assets);
    const p = (f: string) => join(assets, f);
    await raw(600, 800, 'noise').jpeg({ quality: 96 }).toFile(p('noise.jpg'));
    await raw(150, 200, 'gradient').gif().toFile(p('gif.gif'));
    writeFileSync(p('bmp.bmp'), bmp(pixels(120, 160, 'gradient'), 120, 160, 24));
    await raw(400, 520, 'noise').png().toFile(p('big.png'));
    await raw(300, 400, 'gradient').webp().toFile(p('pic.webp'));
    // Stored landscape 800×600 with EXIF orientation 6 (rotate 90°): shown portrait 600×800.
    await raw(800, 600, 'noise').jpeg({ quality: 96 }).withMetadata({ orientation: 6 }).toFile(p('rotated.jpg'));
    await raw(600, 800, 'grey-noise').jpeg({ quality: 98 }).toFile(p('grey.jpg'));
    await raw(300, 400, 'gradient').jpeg({ quality: 80 }).toFile(p('fine.jpg'));
    for (const f of readdirSync(assets)) hashes.set(f, sha(p(f)));
    await workbook(join(tmp.dir, 'records.xlsx'), photos, (p) => p.file);
    run = cli(['records.xlsx', '--assets', 'assets', '--no-out', '--fix-photos', 'fixed', '--format', 'json', '--show-pii']);
    report = JSON.parse(run.stdout).fixedPhotos;
  });

  it('starts from photos the rules reject', () => {
    expect(statSize(join(assets, 'noise.jpg'))).toBeGreaterThan(450_000);
    expect(statSize(join(assets, 'big.png'))).toBeGreaterThan(PHOTO_MAX_BYTES);
    expect(statSize(join(assets, 'rotated.jpg'))).toBeGreaterThan(PHOTO_MAX_BYTES);
    expect(statSize(join(assets, 'grey.jpg'))).toBeGreaterThan(PHOTO_MAX_BYTES);
    const doc = JSON.parse(run.stdout);
    const rules = (id: string) => doc.problems.filter((x: { rule: string; value: string }) => x.value === photos.find((p) => p.key === id)!.file).map((x: { rule: string }) => x.rule);
    expect(rules('noise')).toContain('photo-size');
    expect(rules('gif')).toContain('photo-format');
    expect(rules('bmp')).toContain('photo-format');
    expect(rules('fine')).toEqual([]);
  });

  it('reports every photo it wrote or left alone, and nothing else', () => {
    expect(run.status).toBe(1);
    const byKey = (k: string) => report.find((r) => r.source.endsWith(photos.find((p) => p.key === k)!.file));
    for (const p of photos) {
      const r = byKey(p.key);
      if (p.expect === 'untouched') expect(r, p.key).toBeUndefined();
      else expect(r?.status, p.key).toBe(p.expect === 'written' ? 'written' : 'skipped');
    }
    expect(byKey('grey')!.skipped).toBe('grey');
    expect(byKey('noise')!.reasons).toEqual(['too-large']);
    expect(byKey('gif')!.reasons).toEqual(['format']);
    expect(byKey('gif')!.renamed).toBe(true);
    expect(byKey('noise')!.renamed).toBe(false);
    expect(byKey('noise')!.rows).toEqual([{ file: 'records.xlsx', sheet: '登记表', row: 2 }]);
    expect(readdirSync(fixed).sort()).toEqual(['big.jpg', 'bmp.jpg', 'gif.jpg', 'noise.jpg', 'pic.jpg', 'rotated.jpg']);
  });

  it.each(photos.filter((p) => p.expect === 'written').map((p) => [p.key, p]))(
    '%s: a real colour JPEG of at most 204,800 bytes, same aspect ratio (±1 px), upright',
    async (_, p) => {
      const out = join(fixed, `${p.file.replace(/\.[^.]+$/, '')}.jpg`);
      const buf = readFileSync(out);
      expect(buf.length).toBeLessThanOrEqual(PHOTO_MAX_BYTES);
      expect((await fileTypeFromBuffer(buf))?.ext).toBe('jpg');
      const meta = await sharp(buf).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.channels).toBe(3);
      expect(meta.orientation ?? 1).toBe(1);
      expect(Math.abs(meta.height! - (meta.width! * p.h) / p.w)).toBeLessThanOrEqual(1);
      expect(meta.width! <= p.w).toBe(true);
      const thumb = await sharp(buf).resize(64, 64, { fit: 'inside' }).raw().toBuffer({ resolveWithObject: true });
      expect(isGreyPixels(thumb.data, thumb.info.channels)).toBe(false);
    },
  );

  it('turns the EXIF-rotated photo upright (portrait), as the photo rules saw it', async () => {
    const meta = await sharp(join(fixed, 'rotated.jpg')).metadata();
    expect(meta.height!).toBeGreaterThan(meta.width!);
  });

  it('leaves every original byte for byte as it was, and writes nothing for the grey photo', () => {
    for (const [f, hash] of hashes) expect(sha(join(assets, f)), f).toBe(hash);
    expect(readdirSync(assets).sort()).toEqual([...hashes.keys()].sort());
    expect(existsSync(join(fixed, 'grey.jpg'))).toBe(false);
  });

  it('the fixed photos pass every photo rule when checked again (the 免冠照 cells naming the new files, as the report says)', async () => {
    const written = photos.filter((p) => p.expect === 'written');
    const target = (p: (typeof photos)[number]) => report.find((r) => r.source.endsWith(p.file))!.target!.split('/').pop()!;
    await workbook(join(tmp.dir, 'recheck.xlsx'), written, target);
    const again = cli(['recheck.xlsx', '--assets', 'fixed', '--no-out', '--format', 'json']);
    const doc = JSON.parse(again.stdout);
    expect(doc.files[0].rows).toBe(written.length);
    expect(doc.problems.filter((x: { rule: string }) => x.rule.startsWith('photo-')).map((x: { message: string }) => x.message)).toEqual([]);
  });

  it('prints a line per photo in the pretty report, and what to write in the sheet when the name changed', () => {
    const r = cli(['records.xlsx', '--assets', 'assets', '--no-out', '--fix-photos', 'fixed-again', '--show-pii']);
    expect(r.stdout).toContain('照片修正（--fix-photos）：已写出 6 张，未处理 1 张');
    expect(r.stdout).toMatch(/✔ assets\/gif\.gif → fixed-again\/gif\.jpg（GIF .*表中“免冠照”请改为 gif\.jpg/);
    expect(r.stdout).toMatch(/✖ assets\/grey\.jpg：黑白照片无法变为彩色/);
  });

  it.each([
    [['--assets', 'assets', '--fix-photos', 'assets'], /就是素材文件夹/],
    [['--assets', 'assets', '--fix-photos', 'assets/fixed'], /位于素材文件夹/],
    [['--fix-photos', 'refused', '--no-assets'], /--no-assets/],
    [['--assets', 'assets', '--fix-photos', 'records.xlsx'], /是一个文件/],
  ])('refuses %j: exit 2, one sentence, nothing written', (extra, message) => {
    const r = cli(['records.xlsx', '--no-out', ...extra]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    for (const [f, hash] of hashes) expect(sha(join(assets, f)), f).toBe(hash);
    expect(readdirSync(assets).sort()).toEqual([...hashes.keys()].sort());
  });
});

function statSize(p: string): number {
  return readFileSync(p).length;
}
