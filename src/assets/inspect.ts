/**
 * Looking inside one file: the type by its leading bytes (file-type), a photo decoded to a thumbnail
 * (sharp, loaded on first use), a PDF parsed (pdfjs-dist legacy build, loaded on first use).
 */
import { promises as fs } from 'node:fs';
import { fileTypeFromBuffer } from 'file-type';
import { isGreyPixels } from './grey.js';
import { GREY_THUMBNAIL_PX, SNIFF_BYTES } from './limits.js';
import { declaresTooMuch } from './pdf-declared.js';
import type { ImageFacts, PdfFacts } from './types.js';

export { isGreyPixels };
export { declaredObjects } from './pdf-declared.js';

export interface Sniffed {
  /** file-type's extension, 'empty', or null when not recognised. */
  type: string | null;
  mime: string | null;
  /** The whole file, when it was small enough to read at once (so that decoding need not open it again). */
  bytes?: Buffer;
}

/**
 * Names the type by content. A file of at most `wholeUpTo` bytes is read whole (one open instead of two for
 * the photos and small PDFs that are decoded next); otherwise only SNIFF_BYTES leading bytes are read.
 */
export async function sniff(file: string, size = Infinity, wholeUpTo = 0): Promise<Sniffed> {
  if (size <= wholeUpTo) {
    const bytes = await fs.readFile(file);
    if (bytes.length === 0) return { type: 'empty', mime: null };
    const found = await fileTypeFromBuffer(bytes.subarray(0, SNIFF_BYTES));
    return found ? { type: found.ext, mime: found.mime, bytes } : { type: null, mime: null, bytes };
  }
  const handle = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    if (bytesRead === 0) return { type: 'empty', mime: null };
    const found = await fileTypeFromBuffer(buf.subarray(0, bytesRead));
    return found ? { type: found.ext, mime: found.mime } : { type: null, mime: null };
  } finally {
    await handle.close();
  }
}

type Sharp = typeof import('sharp').default;
let sharpModule: Promise<Sharp> | null = null;

/** sharp (native libvips) is loaded on the first photo that needs decoding. */
function loadSharp(): Promise<Sharp> {
  sharpModule ??= import('sharp').then((m) => {
    // One libvips thread per image: images are already decoded several at a time (the inspector's bound),
    // and on a 2-core machine more threads per image only fight over the cores.
    m.default.concurrency(1);
    return m.default;
  });
  return sharpModule;
}

/**
 * Decodes the whole picture to a thumbnail of at most GREY_THUMBNAIL_PX px (a truncated or corrupt file
 * fails here), and tells colour from grey: 1–2 stored channels are grey without pixel work; otherwise the
 * picture is grey when every thumbnail pixel's R, G, B differ pairwise by at most GREY_TOLERANCE.
 */
export async function inspectImage(file: string | Buffer): Promise<ImageFacts> {
  const sharp = await loadSharp();
  try {
    const meta = await sharp(file).metadata();
    // An ID photo (a few hundred px a side) decodes faster whole than through a resize; only large pictures
    // are shrunk to a thumbnail first. Either way every byte of the file is decoded (truncation fails here).
    // A second instance rather than clone(): sharp's clone deep-copies its options, the file's bytes included.
    let pipeline = sharp(file, { failOn: 'warning' });
    if ((meta.width ?? 0) * (meta.height ?? 0) > WHOLE_DECODE_PIXELS) {
      pipeline = pipeline.resize(GREY_THUMBNAIL_PX, GREY_THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true });
    }
    if (meta.hasAlpha) pipeline = pipeline.removeAlpha();
    if (meta.space && meta.space !== 'srgb' && meta.space !== 'b-w') pipeline = pipeline.toColourspace('srgb');
    const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
    const swap = (meta.orientation ?? 1) >= 5;
    const width = swap ? meta.height : meta.width;
    const height = swap ? meta.width : meta.height;
    const channels = meta.channels ?? info.channels;
    let colour: ImageFacts['colour'];
    if (channels <= 2) colour = 'grey-channels';
    else colour = isGreyPixels(data, info.channels) ? 'grey-pixels' : 'colour';
    return { decoded: true, width, height, channels, colour };
  } catch (err) {
    return { decoded: false, error: shortMessage(err) };
  }
}

/** Pictures up to this many pixels are decoded whole rather than through a thumbnail (see inspectImage). */
const WHOLE_DECODE_PIXELS = 1_000_000;

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsModule: Promise<PdfjsModule> | null = null;
/** pdfjs (~41 MB package) is loaded on the first PDF that needs parsing. */
function loadPdfjs(): Promise<PdfjsModule> {
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsModule;
}

/** Bytes a PDF needs at the least per page (a page dictionary alone is more). */
const MIN_BYTES_PER_PAGE = 8;

/**
 * Parses a PDF: a user password → 'user-password'; anything pdfjs cannot read → 'invalid'; otherwise the
 * page count, and whether it is encrypted with an owner password only (it opens, with restrictions).
 * A cross-reference table or a page tree declaring more than the file could hold is 'invalid' too
 * (damaged or hostile), decided before the work it would cause.
 */
export async function inspectPdf(file: string | Buffer): Promise<PdfFacts> {
  const pdfjs = await loadPdfjs();
  // pdfjs takes ownership of (detaches) the array it is given: always hand it a copy of its own.
  const data = new Uint8Array(typeof file === 'string' ? await fs.readFile(file) : file);
  const size = data.byteLength;
  const tooMany = declaresTooMuch(data);
  if (tooMany) return { status: 'invalid', error: tooMany };
  const task = pdfjs.getDocument({
    data,
    verbosity: 0, // errors only: pdfjs's warnings would litter stderr
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    stopAtErrors: false,
  });
  try {
    const doc = await task.promise;
    const pages = doc.numPages;
    if (pages > Math.max(64, size / MIN_BYTES_PER_PAGE)) {
      return { status: 'invalid', error: `the page tree declares ${pages} pages, more than a ${size}-byte file can hold` };
    }
    const meta = await doc.getMetadata();
    const info = (meta.info ?? {}) as { EncryptFilterName?: string | null };
    const permissions = await doc.getPermissions();
    await doc.getPage(1);
    return { status: 'ok', pages, ownerOnly: Boolean(info.EncryptFilterName) || permissions !== null };
  } catch (err) {
    const name = (err as { name?: string })?.name;
    if (name === 'PasswordException') return { status: 'user-password' };
    return { status: 'invalid', error: shortMessage(err) };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

function shortMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  // With failOn 'warning', libvips fails on the decoder's first warning, but which words it keeps is a matter of
  // timing (its error buffer is shared by its threads): the decoder's own line (VipsJpeg: premature end of JPEG
  // image), sharp's generic "Warning treated as error due to failOn setting", or both in either order. One
  // wording for all of them, so a photo gets the same message on every run and on every path.
  if (/Warning treated as error|premature end of|Corrupt JPEG data|libpng warning/i.test(text)) return DECODER_WARNING;
  return text.split('\n')[0]!.trim().slice(0, 160);
}

/** A picture that stops decoding at a warning of the decoder (truncated or damaged image data). */
export const DECODER_WARNING = 'libvips: incomplete or damaged image data';
