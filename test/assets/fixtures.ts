/** Real asset files for the tests: JPEG/PNG/GIF/BMP pictures, PDFs (plain, encrypted), a zip, links. */
import { zipBytes } from '../read/files.js';
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { createAssetInspector, type AssetInspectorOptions } from '../../src/assets/index.js';
import type { AssetInspector } from '../../src/assets/types.js';
import type { CertRecord } from '../../src/model/record.js';
import { checkCharacter } from '../../src/util/id-number.js';
import { tempDirAsync } from '../helpers/temp.js';

/** A valid ID number from its first 17 digits. */
export function idFrom(first17: string): string {
  return first17 + checkCharacter(first17);
}

export const ID_A = idFrom('50022419800101123'); // 张三 (GOOD_ROW's person, 500224198001011235)
export const ID_B = idFrom('50011219850203456');
export const ID_C = idFrom('50010119900304567');
export const ID_D = idFrom('50010119750506789');

/** Raw pixels: a colour gradient (really colour, compresses small). */
function gradient(width: number, height: number): Buffer {
  const b = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      b[i] = Math.round((x / width) * 255);
      b[i + 1] = Math.round((y / height) * 255);
      b[i + 2] = 128;
    }
  }
  return b;
}

/** Raw pixels: random noise (does not compress). */
function noise(width: number, height: number): Buffer {
  const b = Buffer.alloc(width * height * 3);
  let seed = 12345;
  for (let i = 0; i < b.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    b[i] = seed >> 16;
  }
  return b;
}

/** Raw pixels: a grey gradient with R = G = B. */
function greyGradient(width: number, height: number): Buffer {
  const b = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) b.fill(Math.round(((x + y) / (width + height)) * 255), (y * width + x) * 3, (y * width + x) * 3 + 3);
  return b;
}

const raw = (buf: Buffer, width: number, height: number) => sharp(buf, { raw: { width, height, channels: 3 } });

/** A 24-bit BMP written by hand: BITMAPFILEHEADER + BITMAPINFOHEADER + bottom-up BGR rows. */
export function bmp(width: number, height: number): Buffer {
  const rowSize = Math.ceil((width * 3) / 4) * 4;
  const pixels = Buffer.alloc(rowSize * height, 0x80);
  const header = Buffer.alloc(54);
  header.write('BM', 0, 'latin1');
  header.writeUInt32LE(54 + pixels.length, 2);
  header.writeUInt32LE(54, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(width, 18);
  header.writeInt32LE(height, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(24, 28);
  header.writeUInt32LE(pixels.length, 34);
  return Buffer.concat([header, pixels]);
}

/** A real zip with one file (as the reader tests make them). */
export function zip(name: string, content: string): Buffer {
  return zipBytes([{ name, data: content }]);
}

/** A PDF of `pages` pages written by pdfkit, with optional real encryption. */
export function pdf(file: string, pages: number, options: PDFKit.PDFDocumentOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false, ...options });
    const out = createWriteStream(file);
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

export interface AssetFixture {
  /** Temp root holding `assets/` and `outside/`. */
  root: string;
  /** The assets folder. */
  dir: string;
  outside: string;
}

/** Makes a temp root with an assets folder and a folder outside it. */
export async function tempRoot(prefix = 'cert-check-assets-'): Promise<AssetFixture> {
  const root = await tempDirAsync(prefix);
  const dir = path.join(root, 'assets');
  const outside = path.join(root, 'outside');
  await fs.mkdir(dir);
  await fs.mkdir(outside);
  return { root, dir, outside };
}

/**
 * The standard folder: every kind of file the issue lists, named by what it is. Photos are portrait
 * 300×400 (ratio 0.75) unless the name says otherwise.
 */
export async function buildAssetFolder(): Promise<AssetFixture> {
  const fx = await tempRoot();
  const { dir, outside } = fx;
  const p = (name: string) => path.join(dir, name);
  await raw(gradient(300, 400), 300, 400).jpeg({ quality: 85 }).toFile(p('colour.jpg'));
  await raw(gradient(150, 200), 150, 200).png().toFile(p('colour.png'));
  await raw(gradient(150, 200), 150, 200).png().toFile(p('png-named.jpg'));
  await raw(gradient(300, 400), 300, 400).jpeg().toFile(p('jpeg-named.png'));
  await raw(gradient(300, 400), 300, 400).toColourspace('b-w').jpeg().toFile(p('grey-1ch.jpg'));
  await raw(greyGradient(300, 400), 300, 400).jpeg().toFile(p('grey-rgb.jpg'));
  await raw(gradient(150, 200), 150, 200).toColourspace('b-w').png().toFile(p('grey.png'));
  await raw(gradient(150, 200), 150, 200).gif().toFile(p('gif-named.jpg'));
  await fs.writeFile(p('bmp-named.jpg'), bmp(30, 40));
  await raw(noise(600, 800), 600, 800).jpeg({ quality: 95 }).toFile(p('oversize.jpg'));
  const whole = await raw(gradient(300, 400), 300, 400).jpeg().toBuffer();
  await fs.writeFile(p('truncated.jpg'), whole.subarray(0, Math.floor(whole.length / 2)));
  await raw(gradient(400, 300), 400, 300).jpeg().toFile(p('landscape.jpg'));
  await raw(gradient(200, 400), 200, 400).jpeg().toFile(p('narrow.jpg'));
  await raw(gradient(300, 300), 300, 300).jpeg().toFile(p('square.jpg'));
  await fs.writeFile(p('empty.jpg'), Buffer.alloc(0));
  await fs.writeFile(p('text.jpg'), 'not a picture at all\n');

  await pdf(p('scan3.pdf'), 3);
  await pdf(p('one-page.pdf'), 1);
  await pdf(p('user-password.pdf'), 3, { userPassword: 'secret', ownerPassword: 'owner', pdfVersion: '1.7' });
  await pdf(p('owner-only.pdf'), 3, { ownerPassword: 'owner', permissions: { printing: 'lowResolution' }, pdfVersion: '1.7' });
  await fs.writeFile(p('zip-named.pdf'), zip('a.txt', 'hello'));
  await fs.writeFile(p('broken.pdf'), '%PDF-1.7\n%garbage that is not a PDF body\n');
  await pdf(p('pdf-named.dat'), 3);
  const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
  big.write('%PDF-1.4\n', 0, 'latin1');
  await fs.writeFile(p('oversize.pdf'), big);

  await raw(gradient(300, 400), 300, 400).jpeg().toFile(path.join(outside, 'secret.jpg'));
  await pdf(path.join(outside, 'secret.pdf'), 3);
  await fs.symlink(path.join(outside, 'secret.jpg'), p('escape.jpg'));
  await fs.symlink(outside, p('linkdir'));
  await fs.symlink(p('colour.jpg'), p('inner-link.jpg'));
  return fx;
}

/** Inspects `records` against the folder. */
export async function inspect(
  dir: string, records: CertRecord[], options: Partial<AssetInspectorOptions> = {},
): Promise<{ inspector: AssetInspector }> {
  const inspector = await createAssetInspector({ dir, ...options });
  await inspector.prepare(records);
  return { inspector };
}
