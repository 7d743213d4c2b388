/**
 * `--fix-photos <dir>`: after the check, every row's photo that the facts say is too large (over
 * PHOTO_MAX_BYTES) or not a JPEG/PNG by content (GIF, BMP, WebP, TIFF, AVIF…) is re-encoded as a JPEG of at
 * most PHOTO_MAX_BYTES into <dir>, under the same relative path and base name with the extension .jpg.
 * The originals are never touched: the target folder may not be the assets folder nor lie inside it.
 *
 * Re-encoding: EXIF orientation applied, transparency flattened on white, converted to sRGB, metadata
 * dropped; JPEG quality lowered stepwise (90 … 50), then the picture scaled down by 15 % at a time keeping
 * its aspect ratio, until the file fits. The shape is kept (never cropped). A grey photo is left alone (a
 * new colour photo is needed; guide 三（二）: 彩色免冠照), as is a photo that does not decode (damaged).
 *
 * Bounded: a picture of more than FIX_MAX_PIXELS pixels is not decoded (left alone, 'too-many-pixels');
 * others are shrunk while they load to at most FIX_MAX_SIDE px a side (an ID photo needs far less), so a
 * small file declaring a huge picture never takes gigabytes or minutes. Each destination is checked again
 * by the output guard just before it is written (`allow`), and written atomically (src/run/atomic-file.ts).
 */
import { promises as fs, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError, ioCause } from '../errors.js';
import { USAGE } from '../i18n/cli.js';
import type { CertRecord } from '../model/record.js';
import { writeFileAtomic } from '../run/atomic-file.js';
import { decodeBmp } from './bmp.js';
import { isGreyPixels } from './inspect.js';
import { FIX_MAX_PIXELS, FIX_MAX_SIDE, GREY_THUMBNAIL_PX, PHOTO_DECODE_MAX_BYTES, PHOTO_MAX_BYTES } from './limits.js';
import type { FileFacts, RecordAssets } from './types.js';

/** Types (file-type's extensions) re-encoded because the platform takes only JPEG and PNG. */
export const CONVERTIBLE_TYPES: readonly string[] = ['gif', 'bmp', 'webp', 'tif', 'avif', 'heic', 'jxl', 'jp2'];

/** Quality steps at full size; after that, the picture shrinks by SCALE_STEP and these are tried again. */
const QUALITIES = [90, 85, 80, 75, 70, 65, 60, 55, 50];
const SCALED_QUALITIES = [80, 70, 60];
const SCALE_STEP = 0.85;
/** Below this many pixels on the shorter side the photo is no longer usable: give up. */
const MIN_SIDE = 64;
export { FIX_MAX_PIXELS, FIX_MAX_SIDE };

export type FixReason = 'too-large' | 'format';
export type SkipReason = 'grey' | 'damaged' | 'cannot-decode' | 'cannot-shrink' | 'name-taken' | 'write-failed' | 'too-many-pixels' | 'unsafe-target';

export interface PhotoRow {
  file: string;
  sheet: string;
  row: number;
}

/** What --fix-photos did with one photo. */
export interface FixedPhoto {
  status: 'written' | 'skipped';
  /** The photo as shown (the assets folder joined with its relative path). */
  source: string;
  /** The file written (as given under the --fix-photos folder), or the one that could not be written (write-failed); else null. */
  target: string | null;
  /** Why it needed fixing. */
  reasons: FixReason[];
  /** Why it was left alone. */
  skipped?: SkipReason;
  /** The original's type by content (file-type's extension) and size in bytes. */
  type: string;
  sizeBefore: number;
  /** The JPEG's size, quality and dimensions. */
  size?: number;
  quality?: number;
  width?: number;
  height?: number;
  /** The original's dimensions (EXIF orientation applied). */
  originalWidth?: number;
  originalHeight?: number;
  /** The file name changed (e.g. .gif → .jpg): the sheet's 免冠照 cell must name the new file. */
  renamed: boolean;
  /** The rows that use this photo. */
  rows: PhotoRow[];
  error?: string;
  /** The system's error code when writing failed (EACCES, EROFS, ENOSPC…). */
  errorCode?: string;
}

interface Candidate {
  facts: FileFacts;
  rows: PhotoRow[];
}

/** Collects each row's photo during the run (pass `add` as the pipeline's onRecordAssets). */
export class PhotoCollector {
  private readonly byRel = new Map<string, Candidate>();

  readonly add = (record: CertRecord, assets: RecordAssets): void => {
    const l = assets.photo;
    if (l.status !== 'found') return;
    let c = this.byRel.get(l.file.rel);
    if (!c) this.byRel.set(l.file.rel, (c = { facts: l.file, rows: [] }));
    c.rows.push({ file: record.file, sheet: record.sheet, row: record.row });
  };

  /** The photos seen, in the order first used. */
  get photos(): readonly Candidate[] {
    return [...this.byRel.values()];
  }
}

/** Why a photo needs re-encoding (empty: it does not, or it is no picture at all). */
export function fixReasons(f: FileFacts): FixReason[] {
  if (f.readError || !f.type) return [];
  const out: FixReason[] = [];
  if (f.type !== 'jpg' && f.type !== 'png') {
    if (!CONVERTIBLE_TYPES.includes(f.type)) return [];
    out.push('format');
  }
  if (f.size > PHOTO_MAX_BYTES) out.push('too-large');
  return out;
}

/** The real path of `p`, or of its nearest existing ancestor joined with the rest. */
function realish(p: string): string {
  const abs = path.resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(realish(parent), path.basename(abs));
  }
}

function within(root: string, p: string): boolean {
  const r = path.relative(root, p);
  return r === '' || (!r.startsWith('..') && !path.isAbsolute(r));
}

/** Refuses a --fix-photos folder that is the assets folder or lies inside it, or that is a file. */
export function checkFixPhotosTarget(target: string, assetsDir: string): void {
  const t = realish(target);
  const a = realish(assetsDir);
  if (within(a, t)) throw new InputError('usage', { detail: USAGE.fixPhotosInAssets(target, assetsDir, t === a) });
  let isFile = false;
  try {
    isFile = !statSync(target).isDirectory();
  } catch {
    // missing: created when the first photo is written
  }
  if (isFile) throw new InputError('usage', { detail: USAGE.fixPhotosFile(target) });
}

type Sharp = typeof import('sharp').default;
let sharpModule: Promise<Sharp> | null = null;
function loadSharp(): Promise<Sharp> {
  sharpModule ??= import('sharp').then((m) => m.default);
  return sharpModule;
}

interface Normalised {
  data: Buffer;
  width: number;
  height: number;
}

/** A picture with more pixels than FIX_MAX_PIXELS. */
class TooManyPixels extends Error {
  override name = 'TooManyPixels';
}

/**
 * The picture as upright sRGB pixels without transparency (3 channels), at most FIX_MAX_SIDE px a side.
 * Throws TooManyPixels beyond FIX_MAX_PIXELS (before decoding).
 */
async function normalise(file: string, type: string): Promise<Normalised> {
  const sharp = await loadSharp();
  let input: import('sharp').Sharp;
  if (type === 'bmp') {
    // sharp has no BMP loader; a bitmap's pixels are in the file, which is capped like every decoded photo.
    const st = await fs.stat(file);
    if (st.size > PHOTO_DECODE_MAX_BYTES) throw new TooManyPixels(`${st.size} bytes`);
    const buf = await fs.readFile(file);
    let img: ReturnType<typeof decodeBmp>;
    try {
      img = decodeBmp(buf, FIX_MAX_PIXELS);
    } catch (err) {
      if (/more than/.test((err as Error).message)) throw new TooManyPixels((err as Error).message);
      throw err;
    }
    input = sharp(img.data, { raw: { width: img.width, height: img.height, channels: img.channels } });
  } else {
    const meta = await sharp(file, { animated: false }).metadata();
    const pixels = (meta.width ?? 0) * (meta.height ?? 0);
    if (pixels > FIX_MAX_PIXELS) throw new TooManyPixels(`${meta.width}×${meta.height}`);
    input = sharp(file, { failOn: 'error', animated: false, limitInputPixels: FIX_MAX_PIXELS, sequentialRead: true });
  }
  const { data, info } = await input
    .autoOrient()
    // Shrunk as it loads (JPEG and WebP decode at a fraction of their size); the box is square, so the
    // orientation does not matter.
    .resize(FIX_MAX_SIDE, FIX_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`unexpected ${info.channels} channels`);
  return { data, width: info.width, height: info.height };
}

async function isGrey(img: Normalised): Promise<boolean> {
  const sharp = await loadSharp();
  const { data, info } = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
    .resize(GREY_THUMBNAIL_PX, GREY_THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return isGreyPixels(data, info.channels);
}

/** The largest JPEG ≤ maxBytes: quality first, then size; null when even a tiny picture does not fit. */
export async function encodeUnder(img: Normalised, maxBytes = PHOTO_MAX_BYTES): Promise<{ jpeg: Buffer; quality: number; width: number; height: number } | null> {
  const sharp = await loadSharp();
  const encode = async (width: number, quality: number) => {
    let s = sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } });
    if (width !== img.width) s = s.resize({ width, kernel: 'lanczos3' });
    const { data, info } = await s.jpeg({ quality, mozjpeg: true, chromaSubsampling: '4:2:0' }).toBuffer({ resolveWithObject: true });
    return { jpeg: data, quality, width: info.width, height: info.height };
  };
  for (const q of QUALITIES) {
    const r = await encode(img.width, q);
    if (r.jpeg.length <= maxBytes) return r;
  }
  for (let scale = SCALE_STEP; ; scale *= SCALE_STEP) {
    const width = Math.round(img.width * scale);
    const height = Math.round(img.height * scale);
    if (Math.min(width, height) < MIN_SIDE) return null;
    for (const q of SCALED_QUALITIES) {
      const r = await encode(width, q);
      if (r.jpeg.length <= maxBytes) return r;
    }
  }
}

export interface FixPhotosOptions {
  /** The --fix-photos folder (created when missing). */
  target: string;
  /** The assets folder (absolute) the facts' relative paths start from. */
  assetsDir: string;
  maxBytes?: number;
  /** The output guard's word on a destination, asked just before it is written (null: it may be written). */
  allow?: (dest: string) => InputError | null;
}

/** Writes a fixed JPEG for every photo that needs one; returns what was done, photo by photo. */
export async function fixPhotos(photos: readonly Candidate[], opts: FixPhotosOptions): Promise<FixedPhoto[]> {
  const out: FixedPhoto[] = [];
  const taken = new Set<string>();
  let made = false;
  for (const c of photos) {
    const f = c.facts;
    const reasons = fixReasons(f);
    if (reasons.length === 0) continue;
    const rel = f.rel.split('/');
    const base = rel[rel.length - 1]!;
    const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
    const targetRel = [...rel.slice(0, -1), `${stem}.jpg`];
    const targetShown = path.join(opts.target, ...targetRel);
    const entry: FixedPhoto = {
      status: 'skipped', source: f.display, target: null, reasons, type: f.type!, sizeBefore: f.size,
      renamed: `${stem}.jpg`.toLowerCase() !== base.toLowerCase(), rows: c.rows,
    };
    out.push(entry);
    if (f.image && !f.image.decoded) {
      entry.skipped = 'damaged';
      entry.error = f.image.error;
      continue;
    }
    if (f.image?.colour && f.image.colour !== 'colour') {
      entry.skipped = 'grey';
      continue;
    }
    const key = targetRel.join('/').normalize('NFC').toLowerCase();
    if (taken.has(key)) {
      entry.skipped = 'name-taken';
      continue;
    }
    const refusal = opts.allow?.(path.resolve(opts.target, ...targetRel)) ?? null;
    if (refusal) {
      entry.skipped = 'unsafe-target';
      entry.error = refusal.message;
      continue;
    }
    let img: Normalised;
    try {
      img = await normalise(path.join(opts.assetsDir, ...rel), f.type!);
    } catch (err) {
      entry.skipped = err instanceof TooManyPixels ? 'too-many-pixels' : f.type === 'jpg' || f.type === 'png' ? 'damaged' : 'cannot-decode';
      entry.error = shortMessage(err);
      continue;
    }
    entry.originalWidth = img.width;
    entry.originalHeight = img.height;
    if (await isGrey(img)) {
      entry.skipped = 'grey';
      continue;
    }
    const jpeg = await encodeUnder(img, opts.maxBytes ?? PHOTO_MAX_BYTES);
    if (!jpeg) {
      entry.skipped = 'cannot-shrink';
      continue;
    }
    const dest = path.resolve(opts.target, ...targetRel);
    try {
      if (!made) {
        await fs.mkdir(path.resolve(opts.target), { recursive: true });
        made = true;
      }
      await writeFileAtomic(dest, jpeg.jpeg, { mkdir: true });
    } catch (err) {
      entry.skipped = 'write-failed';
      entry.target = targetShown;
      entry.error = shortMessage(err);
      entry.errorCode = ioCause(err).code || undefined;
      continue;
    }
    taken.add(key);
    Object.assign(entry, { status: 'written', target: targetShown, size: jpeg.jpeg.length, quality: jpeg.quality, width: jpeg.width, height: jpeg.height });
    delete entry.skipped;
  }
  return out;
}

function shortMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0]!.trim().slice(0, 160);
}
