/** Facts about each row's photo and attachment, gathered before the rules run. */
import type { RunWarning } from '../errors.js';
import type { CertRecord } from '../model/record.js';
import type { AssetFolder } from './folder.js';
import type { AssetRole } from './naming.js';

export type { AssetRole };

/** What the colour check found: grey by channel count (1–2 channels), grey by pixels, or colour. */
export type ColourVerdict = 'colour' | 'grey-channels' | 'grey-pixels';

/** A photo decoded (fully, to a small thumbnail). */
export interface ImageFacts {
  /** The whole picture decoded; false when it is truncated or corrupt (`error` says why). */
  decoded: boolean;
  error?: string;
  /** Size as displayed (EXIF orientation applied). */
  width?: number;
  height?: number;
  /** Channels the file stores (1 grey, 2 grey + alpha, 3 colour, 4 colour + alpha or CMYK). */
  channels?: number;
  colour?: ColourVerdict;
}

/** A PDF parsed with pdfjs. */
export interface PdfFacts {
  /** ok: it opens; user-password: it needs a password to open; invalid: it does not parse. */
  status: 'ok' | 'user-password' | 'invalid';
  error?: string;
  pages?: number;
  /** Encrypted with an owner password only: it opens, but printing/copying/… may be restricted. */
  ownerOnly?: boolean;
}

/** One file of the assets folder, with what was learned about it. */
export interface FileFacts {
  /** Path relative to the assets folder, '/' separated. */
  rel: string;
  /** The path as shown to the user (the --assets folder as given, joined with rel). */
  display: string;
  size: number;
  mtimeMs: number;
  /** Extension of the name, lower case, without the dot ('' when none). */
  extension: string;
  /**
   * Type by content: file-type's extension ('jpg', 'png', 'gif', 'bmp', 'pdf', 'zip', …), 'empty' for a
   * 0-byte file, null when not recognised. Undefined until inspected.
   */
  type?: string | null;
  mime?: string | null;
  /** The file could not be read (permissions, vanished): the system's message. */
  readError?: string;
  /** Set when the file was used as a photo and is a JPEG or PNG of a decodable size. */
  image?: ImageFacts;
  /** Set when the file was used as an attachment, is a PDF by content and within PDF_MAX_BYTES. */
  pdf?: PdfFacts;
}

/** A file of the folder, by relative path and as shown. */
export interface FileRef {
  rel: string;
  display: string;
}

/** How a row's photo or attachment was found. */
export type AssetLookup =
  /** The file: named in the cell, or found by the naming convention. `candidates` has more than one
   *  entry when several files fit; `file` is the first of them, the one checked. */
  | { status: 'found'; source: 'cell' | 'convention'; ref: string; file: FileFacts; candidates: FileRef[] }
  /** The cell names a file that is not in the folder; `near` is a file that probably was meant. */
  | { status: 'missing'; ref: string; near: string | null }
  /** Nothing in the cell (or no column) and no file fits the naming convention; `tried` are examples. */
  | { status: 'not-found'; tried: string[] }
  /** The reference leaves the folder; the file was not opened. */
  | { status: 'unsafe'; ref: string; reason: 'parent' | 'absolute' | 'symlink'; rel?: string }
  /** The record was not prepared (no facts). Rules stay silent. */
  | { status: 'unprepared' };

export interface RecordAssets {
  photo: AssetLookup;
  attachment: AssetLookup;
}

/** A file of the folder as listed once at the start. */
export interface ListedFile extends FileRef {
  /** A symbolic link whose target lies outside the folder (never opened). */
  outside: boolean;
}

/** Looked up by the asset rules through ctx.assets. Shape owned by src/assets. */
export interface AssetFacts {
  /** The assets folder as shown to the user. */
  readonly dir: string;
  /** The photo and attachment of a prepared record. */
  forRecord(record: CertRecord): RecordAssets;
  /**
   * The files that could be a row's photo or attachment: every file of the folder except spreadsheets,
   * hidden and system files, and the cache file.
   */
  files(): readonly ListedFile[];
}

/** Counters for tests and the benchmark. */
export interface InspectorStats {
  listed: number;
  headerReads: number;
  imageDecodes: number;
  pdfParses: number;
  cacheHits: number;
}

/** Gathers asset facts for batches of records; the pipeline calls prepare() before the rules see a batch. */
export interface AssetInspector {
  readonly facts: AssetFacts;
  readonly stats: InspectorStats;
  prepare(records: readonly CertRecord[]): Promise<void>;
  /** Persists the --cache file, if any. Never throws: a cache that cannot be written is a warning. */
  close(): Promise<void>;
  /** The folder as listed. */
  readonly folder: AssetFolder;
  /** Names and sub-folders that could not be read, a cache ignored or not written. */
  readonly warnings: RunWarning[];
  /** The cache file, when it was saved / when saving it failed (after close). */
  readonly written: string[];
  readonly failed: string[];
}
