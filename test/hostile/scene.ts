/**
 * A clerk's folder for the hostile tests: a records workbook whose rows name their photo and
 * attachment by ID number, the photos (colour JPEGs) and PDFs in an assets folder, and a fingerprint of
 * every file so that a test can prove nothing was touched.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { checkCharacter } from '../../src/util/id-number.js';
import { GOOD_VALUES, HEADERS, rowXml, writeXlsx } from './builders.js';
import { tempDir } from './cli.js';

/** Valid IDs (check character computed), born in the 1980s in 大足区 (500225/500224). */
export const IDS = ['50022419800101123', '50022419810202234', '50022519820303345'].map((s) => s + checkCharacter(s));

export interface Scene {
  /** The temp folder holding everything. */
  dir: string;
  /** dir/records.xlsx */
  input: string;
  /** dir/files, the assets folder */
  assets: string;
  ids: string[];
}

/** A colour photo of 300 × 400 px (a few KB). */
export function photo(path: string, width = 300, height = 400): Promise<unknown> {
  const px = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) px.set([Math.round((x / width) * 255), Math.round((y / height) * 255), 128], (y * width + x) * 3);
  }
  const s = sharp(px, { raw: { width, height, channels: 3 } });
  return /\.png$/i.test(path) ? s.png().toFile(path) : /\.gif$/i.test(path) ? s.gif().toFile(path) : s.jpeg({ quality: 85 }).toFile(path);
}

/** A PDF of `pages` pages. */
export function pdf(path: string, pages = 3): Promise<void> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false });
    const out = createWriteStream(path);
    out.on('finish', () => resolve());
    out.on('error', reject);
    doc.pipe(out);
    for (let i = 0; i < pages; i++) {
      doc.addPage();
      doc.text(`page ${i + 1}`);
    }
    doc.end();
  });
}

/** Rows for `ids`, each naming <ID>.jpg and <ID>.pdf; `over` changes cells by header index. */
export function rows(ids: readonly string[], over: (i: number) => Record<number, unknown> = () => ({})): unknown[][] {
  return ids.map((id, i) => {
    const v: unknown[] = [...GOOD_VALUES];
    v[0] = ['张三', '李四', '王五', '赵六'][i % 4];
    v[1] = id;
    v[2] = `${id.slice(6, 10)}.${id.slice(10, 12)}`;
    v[16] = `TL201900${String(12 + i).padStart(2, '0')}`;
    v[17] = `${id}.jpg`;
    v[18] = `${id}.pdf`;
    for (const [k, x] of Object.entries(over(i))) v[Number(k)] = x;
    return v;
  });
}

/** Writes a one-sheet registration workbook of `data` rows. */
export async function workbook(path: string, data: unknown[][]): Promise<string> {
  await writeXlsx(path, [rowXml(1, HEADERS), ...data.map((r, i) => rowXml(i + 2, r))]);
  return path;
}

/** A folder with records.xlsx and files/ holding each row's photo and PDF. */
export async function scene(prefix: string, opts: { ids?: string[]; pdfs?: boolean } = {}): Promise<Scene> {
  const dir = tempDir(prefix);
  const assets = join(dir, 'files');
  mkdirSync(assets);
  const ids = opts.ids ?? IDS;
  for (const id of ids) {
    await photo(join(assets, `${id}.jpg`));
    if (opts.pdfs !== false) await pdf(join(assets, `${id}.pdf`));
  }
  const input = await workbook(join(dir, 'records.xlsx'), rows(ids));
  return { dir, input, assets, ids };
}

/**
 * Every entry below `dir` (links not followed) with its type, bytes' hash, link target, mode and mtime:
 * equal fingerprints mean nothing was created, removed, written or replaced.
 */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = lstatSync(p);
      const key = relative(dir, p);
      if (st.isDirectory()) {
        out[key] = `dir ${st.mode}`;
        walk(p);
      } else if (st.isSymbolicLink()) out[key] = `link → ${readlinkSync(p)}`;
      else if (st.isFile()) out[key] = `file ${st.mode} ${st.mtimeMs} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`;
      else out[key] = `special ${st.mode} ${st.rdev}`;
    }
  };
  walk(dir);
  return out;
}
