/**
 * Expands the command line's inputs: files as given; a folder → every spreadsheet and text export in it and
 * in its sub-folders (hidden folders not entered), sorted by path. Whether a file found in a folder is an
 * input, or is skipped and why, is decided in one place, `classifyFolderEntry`; every skipped file is
 * named with its reason (photos, PDFs and system files only counted), so a folder scan never leaves a
 * spreadsheet unchecked without a word. A path that cannot be used (missing, a folder without records) is
 * a failure of that input, not of the run: the other inputs are still checked and reported.
 */
import { lstat, readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import yauzl from 'yauzl';
import { InputError } from '../errors.js';
import type { AliasTable } from '../model/fields.js';
import { readMarker } from '../report/xlsx/marker.js';

/** The category (docProps/core.xml, 类别 in Excel's properties) of the fix lists cert-check writes. */
export const FIX_LIST_CATEGORY = 'cert-check 问题清单';

/** At most this much of docProps/core.xml is read (it is a few hundred bytes). */
const CORE_XML_MAX = 64 * 1024;

/** True when `path` is a fix list written by cert-check (a workbook whose category is FIX_LIST_CATEGORY). */
export function isFixList(path: string): Promise<boolean> {
  return new Promise((resolveIt) => {
    const done = (v: boolean, zip?: yauzl.ZipFile): void => {
      zip?.close();
      resolveIt(v);
    };
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, zip) => {
      if (err || !zip) return done(false);
      zip.on('error', () => done(false, zip));
      zip.on('end', () => done(false, zip));
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName !== 'docProps/core.xml' || e.uncompressedSize > CORE_XML_MAX) return zip.readEntry();
        zip.openReadStream(e, (err2, stream) => {
          if (err2 || !stream) return done(false, zip);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', () => done(false, zip));
          stream.on('end', () => done(Buffer.concat(chunks).toString('utf8').includes(`<cp:category>${FIX_LIST_CATEGORY}</cp:category>`), zip));
        });
      });
      zip.readEntry();
    });
  });
}

/** Extensions a folder scan reads (the content decides how: an .xls holding an .xlsx is read as .xlsx). */
export const INPUT_EXTENSIONS = ['xlsx', 'xlsm', 'xls', 'et', 'ods', 'csv', 'tsv', 'txt'] as const;
const INPUT_EXT = new Set<string>(INPUT_EXTENSIONS);
/** Spreadsheet files cert-check does not read: templates, binary and other programs' workbooks. */
const UNSUPPORTED_EXT = new Set(['xlsb', 'xlt', 'xltx', 'xltm', 'xlam', 'ett', 'ots', 'fods', 'numbers', 'wps', 'wk1', 'wks', 'dbf', 'dif', 'slk']);
/** Files that are a batch's photos and attachments, or the system's: counted, not listed one by one. */
const QUIET_EXT = new Set(['jpg', 'jpeg', 'png', 'bmp', 'gif', 'webp', 'tif', 'tiff', 'heic', 'heif', 'pdf', 'json', 'db', 'ini', 'lnk']);
const QUIET_NAMES = new Set(['thumbs.db', 'desktop.ini', 'ehthumbs.db', '.ds_store']);
/** cert-check's annotated and fixed copies, as it names them (<name>.checked.xlsx, <name>.2.fixed.xlsx). */
const OWN_OUTPUT = /\.(checked|fixed)(\.\d+)?\.xlsx$/i;

/** A folder scan enters at most this many folders deep, and looks at most at this many entries. */
export const MAX_SCAN_DEPTH = 16;
export const MAX_SCAN_ENTRIES = 50_000;

/** Why a file or folder met in a folder scan is not checked. */
export type SkipReason =
  /** An annotated or fixed copy that cert-check wrote and nobody has changed since. */
  | 'own-output'
  /** A fix list that cert-check wrote (--fix-list). */
  | 'fix-list'
  /** Excel/WPS (~$name) or LibreOffice (.~lock.name#) lock file: the workbook is open in a program. */
  | 'lock-file'
  | 'hidden-folder'
  /** A symbolic link to a folder (not followed: it may lead anywhere, or back). */
  | 'linked-folder'
  | 'too-deep'
  /** A .txt whose first rows hold no header row: notes, not records. */
  | 'text-no-header'
  /** A spreadsheet type cert-check does not read (.xlsb, templates, Numbers…). */
  | 'unsupported'
  /** Any other file that is not a spreadsheet (.docx, .zip…). */
  | 'not-spreadsheet'
  /** The same file given (or found) more than once, by any spelling or link: checked once. */
  | 'duplicate'
  /** Records whose annotated or fixed copy beside them was edited by the clerk: the copy is checked instead. */
  | 'superseded';

export interface SkippedFile {
  /** The path as the scan found it (joined to the folder as given). */
  path: string;
  reason: SkipReason;
  /** A folder rather than a file. */
  folder?: boolean;
}

export interface InputScan {
  /** The inputs to check, in order. */
  inputs: string[];
  /** Files and folders met in folder scans and not checked, with the reason. */
  skipped: SkippedFile[];
  /** Photos, PDFs and system files of the scanned folders (not records, not listed one by one). */
  otherFiles: number;
  /** Paths given that cannot be used: missing, or a folder without records. */
  failures: { path: string; error: InputError }[];
  /** The folder given on the command line that the first input was found in (undefined: it was given as a file). */
  firstFolder?: string;
}

/** What a folder scan does with one entry: take it, skip it with a reason, or pass over it quietly (counted). */
export type FolderDecision = { take: true } | { take: false; reason: SkipReason } | { take: false; reason: null };

const TAKE: FolderDecision = { take: true };
const QUIET: FolderDecision = { take: false, reason: null };
const skip = (reason: SkipReason): FolderDecision => ({ take: false, reason });

/**
 * The decision for one entry of a scanned folder: the single place that says whether a file in a folder is
 * an input, or is skipped and why. `full` is its path, `type` what lstat/stat found.
 */
export async function classifyFolderEntry(
  full: string, name: string, type: 'file' | 'folder' | 'linked-folder', opts: { depth: number; aliases?: AliasTable },
): Promise<FolderDecision> {
  const lower = name.toLowerCase();
  if (type === 'linked-folder') return skip('linked-folder');
  if (type === 'folder') {
    if (name.startsWith('.') || lower === '__macosx') return skip('hidden-folder');
    if (opts.depth >= MAX_SCAN_DEPTH) return skip('too-deep');
    return TAKE;
  }
  if (name.startsWith('~$') || (name.startsWith('.~lock.') && name.endsWith('#'))) return skip('lock-file');
  if (name.startsWith('.') || QUIET_NAMES.has(lower)) return QUIET;
  const ext = extname(lower).slice(1);
  if (INPUT_EXT.has(ext)) {
    if (ext === 'xlsx' || ext === 'xlsm') {
      // What cert-check wrote carries a marker (src/report/xlsx/marker.ts): an annotated or fixed copy the clerk
      // has since edited and saved is an input again; an untouched one is skipped and named, as is a fix list.
      const marker = await readMarker(full).catch(() => null);
      if (marker?.kind === 'fix-list') return skip('fix-list');
      if (marker && (marker.kind === 'annotated' || marker.kind === 'fixed')) return marker.edited ? TAKE : skip('own-output');
      if (OWN_OUTPUT.test(name)) return skip('own-output'); // a copy of a version before the marker
      if (await isFixList(full)) return skip('fix-list'); // a fix list of a version before the marker
      return TAKE;
    }
    if (OWN_OUTPUT.test(name)) return skip('own-output');
    if (ext === 'txt' && !(await textHasHeader(full, opts.aliases))) return skip('text-no-header');
    return TAKE;
  }
  if (UNSUPPORTED_EXT.has(ext)) return skip('unsupported');
  if (QUIET_EXT.has(ext)) return QUIET;
  return skip('not-spreadsheet');
}

/** "登记表.checked.2.xlsx", "登记表.xls" → "登记表": the name of the records a file is, or was copied from. */
function recordsOf(name: string): string {
  const stem = name.slice(0, name.length - extname(name).length);
  return (stem.replace(/(?:\.(?:checked|fixed)(?:\.\d+)?)+$/i, '') || stem).toLowerCase();
}

/** True for a file name a folder scan may take as input (before its content is looked at). */
export function isInputName(name: string): boolean {
  const lower = name.toLowerCase();
  return INPUT_EXT.has(extname(lower).slice(1)) && !OWN_OUTPUT.test(name) && !name.startsWith('~$') && !name.startsWith('.');
}

/** A .txt in a folder is taken only when its first rows hold a header row (under some delimiter). */
async function textHasHeader(path: string, aliases?: AliasTable): Promise<boolean> {
  const { sniff } = await import('./sniff.js');
  // An empty .txt is nobody's records (a placeholder, a log about to be written): passed over like notes.
  if ((await stat(path).catch(() => null))?.size === 0) return false;
  try {
    const kind = await sniff(path, { aliases });
    return kind.format !== 'csv' || kind.delimiterSource === 'header';
  } catch {
    return true; // unreadable: taken, and the reading says why
  }
}

/** Every file and folder a scan met, found below `root`. */
class Walk {
  entries = 0;
  readonly inputs: string[] = [];
  readonly skipped: SkippedFile[] = [];
  other = 0;

  constructor(
    private readonly root: string,
    private readonly aliases?: AliasTable,
    private readonly maxEntries = MAX_SCAN_ENTRIES,
  ) {}

  /** The entries of `dir` sorted by name, its files before its sub-folders. */
  async folder(dir: string, depth: number): Promise<void> {
    const entries: { name: string; full: string; type: 'file' | 'folder' | 'linked-folder' }[] = [];
    for (const name of (await readdir(dir)).sort()) {
      if (++this.entries > this.maxEntries) throw new InputError('too-many-files', { path: this.root, max: this.maxEntries });
      const full = join(dir, name);
      const type = await entryType(full);
      if (type !== null) entries.push({ name, full, type }); // null: vanished, or neither file nor folder (a socket)
    }
    const subfolders: string[] = [];
    const taken: { name: string; full: string }[] = [];
    for (const { name, full, type } of [...entries.filter((e) => e.type === 'file'), ...entries.filter((e) => e.type !== 'file')]) {
      const decision = await classifyFolderEntry(full, name, type, { depth: depth + 1, aliases: this.aliases });
      if (decision.take) {
        if (type === 'folder') subfolders.push(full);
        else taken.push({ name, full });
      } else if (decision.reason) {
        this.skipped.push(type === 'file' ? { path: full, reason: decision.reason } : { path: full, reason: decision.reason, folder: true });
      } else this.other++;
    }
    // The clerk corrects the rows in <name>.checked.xlsx, as the report says, and saves it: that copy is then taken
    // (classifyFolderEntry), and the records it was made from, beside it, are stale. Checking both would report
    // every person twice (duplicate certificates) and the problems already corrected; the copy stands for them.
    const edited = new Set(taken.filter((t) => OWN_OUTPUT.test(t.name)).map((t) => recordsOf(t.name)));
    for (const t of taken) {
      if (edited.size && !OWN_OUTPUT.test(t.name) && edited.has(recordsOf(t.name))) this.skipped.push({ path: t.full, reason: 'superseded' });
      else this.inputs.push(t.full);
    }
    for (const sub of subfolders) await this.folder(sub, depth + 1);
  }
}

async function entryType(full: string): Promise<'file' | 'folder' | 'linked-folder' | null> {
  const l = await lstat(full).catch(() => null);
  if (!l) return null;
  if (l.isDirectory()) return 'folder';
  if (l.isFile()) return 'file';
  if (!l.isSymbolicLink()) return null;
  const target = await stat(full).catch(() => null);
  if (target?.isDirectory()) return 'linked-folder';
  return target?.isFile() ? 'file' : null;
}

/**
 * The inputs of the command line, what folder scans skipped, and the paths that cannot be used.
 * `maxEntries`: what one folder scan may look at (MAX_SCAN_ENTRIES; smaller in tests).
 */
export async function scanInputs(paths: readonly string[], opts: { aliases?: AliasTable; maxEntries?: number } = {}): Promise<InputScan> {
  const scan: InputScan = { inputs: [], skipped: [], otherFiles: 0, failures: [] };
  const seen = new Set<string>();
  // The same file by another spelling, a symbolic link or a hard link is checked once: twice, every person in it
  // would be reported as a duplicate certificate.
  const add = async (p: string) => {
    const st = await stat(p).catch(() => null);
    const key = st ? `${st.dev}:${st.ino}` : resolve(p);
    if (seen.has(key)) return void scan.skipped.push({ path: p, reason: 'duplicate' });
    seen.add(key);
    scan.inputs.push(p);
  };
  for (const path of paths) {
    const st = await stat(path).catch(() => null);
    if (!st) {
      scan.failures.push({ path, error: new InputError('missing-path', { path }) });
      continue;
    }
    if (!st.isDirectory()) {
      await add(path);
      continue;
    }
    const walk = new Walk(path, opts.aliases, opts.maxEntries);
    try {
      await walk.folder(path, 0);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      scan.failures.push({ path, error: e });
      continue;
    }
    scan.skipped.push(...walk.skipped);
    scan.otherFiles += walk.other;
    if (!walk.inputs.length) {
      const n = walk.skipped.length;
      const skipped = n ? `（跳过了 ${n} 个文件，原因见报告）` : '';
      scan.failures.push({ path, error: new InputError('no-inputs', { path, skipped, skippedEn: n ? ` (${n} files skipped, see the report)` : '' }) });
      continue;
    }
    if (!scan.inputs.length) scan.firstFolder = path;
    for (const p of walk.inputs) await add(p);
  }
  return scan;
}

/** The inputs of the command line; the first path that cannot be used is thrown (InputError). */
export async function expandInputs(paths: readonly string[], opts: { aliases?: AliasTable } = {}): Promise<string[]> {
  const scan = await scanInputs(paths, opts);
  if (scan.failures.length) throw scan.failures[0]!.error;
  return scan.inputs;
}
