/**
 * The assets folder, listed once: every file with its size, by relative path and by name. References from
 * cells are resolved here; anything that leaves the folder (.., an absolute path, a link pointing outside)
 * is refused before it is opened.
 */
import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { ioCause, RunWarning } from '../errors.js';
import { foldName } from './naming.js';

export interface FolderEntry {
  /** Relative path, '/' separated, as listed. */
  rel: string;
  /** The real file to open (inside the folder); null for a link pointing outside. */
  real: string | null;
  size: number;
  mtimeMs: number;
  /** A symbolic link whose target lies outside the folder. */
  outside: boolean;
  /** Spreadsheets, hidden and system files: never reported as unused. */
  ignorable: boolean;
}

/** Folders not walked: hidden ones, and tool folders that never hold assets. */
const SKIP_DIRS = new Set(['node_modules', '__macosx', '$recycle.bin', 'system volume information']);
/**
 * Files that are never a row's photo or attachment: the records cert-check reads (.tsv and .txt text exports too)
 * and the reports it writes (.txt, .xml, .json, .csv).
 */
const IGNORED_EXT = new Set(['xlsx', 'xlsm', 'xls', 'xltx', 'csv', 'tsv', 'txt', 'et', 'ods', 'wps', 'json', 'xml']);
const IGNORED_NAMES = new Set(['thumbs.db', 'desktop.ini', 'ehthumbs.db']);

export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function isIgnorable(rel: string): boolean {
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  const lower = base.toLowerCase();
  return base.startsWith('.') || base.startsWith('~$') || IGNORED_NAMES.has(lower) || IGNORED_EXT.has(extensionOf(lower));
}

/**
 * Whether a path relative to the assets folder ('/' separated) is one the listing never takes for a photo
 * or attachment: below a hidden or skipped folder, or a spreadsheet, JSON, hidden or system file.
 */
export function neverAnAsset(rel: string): boolean {
  const parts = rel.split('/');
  if (parts.slice(0, -1).some((d) => d.startsWith('.') || SKIP_DIRS.has(d.toLowerCase()))) return true;
  return isIgnorable(rel);
}

function inside(root: string, real: string): boolean {
  const r = path.relative(root, real);
  return r !== '' && !r.startsWith('..') && !path.isAbsolute(r);
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A file name as bytes, as text: null when the bytes are not UTF-8. */
function utf8Name(bytes: Buffer): string | null {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/** How a name that is not UTF-8 is shown: as GB18030 (what such names almost always are), else lossy. */
export function shownName(bytes: Buffer): string {
  const gbk = iconv.decode(bytes, 'gb18030');
  return gbk.includes('\uFFFD') ? bytes.toString('utf8') : gbk;
}

/** At most this many unreadable names are listed in the warning (the count says how many there are). */
const NAMES_SHOWN = 10;

export type Resolution =
  | { kind: 'entry'; entry: FolderEntry; candidates: FolderEntry[] }
  | { kind: 'missing' }
  | { kind: 'unsafe'; reason: 'parent' | 'absolute' | 'symlink'; rel?: string };

export class AssetFolder {
  private readonly byRel = new Map<string, FolderEntry>();
  private readonly byName = new Map<string, FolderEntry[]>();

  private constructor(
    /** Real path of the folder. */
    readonly root: string,
    readonly entries: FolderEntry[],
    private readonly ignore: ReadonlySet<string>,
    /** What could not be listed: names that are not UTF-8, sub-folders and files that cannot be read. */
    readonly warnings: readonly RunWarning[] = [],
  ) {
    for (const e of entries) {
      this.byRel.set(foldName(e.rel), e);
      const name = foldName(e.rel.slice(e.rel.lastIndexOf('/') + 1));
      const list = this.byName.get(name);
      if (list) list.push(e);
      else this.byName.set(name, [e]);
    }
  }

  /** Lists the folder (recursively, without following linked folders). Throws ENOENT/ENOTDIR as is. */
  static async list(dir: string, options: { ignore?: readonly string[]; concurrency?: number } = {}): Promise<AssetFolder> {
    const root = await fs.realpath(dir);
    const stat = await fs.stat(root);
    if (!stat.isDirectory()) throw Object.assign(new Error(`not a folder: ${dir}`), { code: 'ENOTDIR' });
    const ignore = new Set<string>();
    for (const p of options.ignore ?? []) {
      ignore.add(path.resolve(p));
      try {
        ignore.add(await fs.realpath(p));
      } catch {
        /* not there (yet) */
      }
    }
    const entries: FolderEntry[] = [];
    const warnings: RunWarning[] = [];
    const badNames: string[] = [];
    const unreadable = (rel: string, err: unknown): void => {
      warnings.push(new RunWarning('unreadable-entry', { path: rel, detail: ioCause(err, 'read') }));
    };
    const walk = async (abs: string, rel: string): Promise<void> => {
      let raw: import('node:fs').Dirent<Buffer>[];
      try {
        raw = await fs.readdir(abs, { withFileTypes: true, encoding: 'buffer' });
      } catch (err) {
        if (rel === '') throw err; // the folder itself: the caller says why
        unreadable(rel, err);
        return;
      }
      const dirents: { name: string; d: import('node:fs').Dirent<Buffer> }[] = [];
      for (const d of raw) {
        const name = utf8Name(d.name);
        // A name that is not UTF-8 cannot be matched to a cell nor opened by a text path: listed, not checked.
        if (name === null) badNames.push(rel ? `${rel}/${shownName(d.name)}` : shownName(d.name));
        else dirents.push({ name, d });
      }
      dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const { name, d } of dirents) {
        const childAbs = path.join(abs, name);
        const childRel = rel ? `${rel}/${name}` : name;
        if (ignore.has(childAbs)) continue;
        try {
          if (d.isDirectory()) {
            if (!name.startsWith('.') && !SKIP_DIRS.has(name.toLowerCase())) await walk(childAbs, childRel);
          } else if (d.isFile()) {
            // Synchronous: tens of thousands of files are listed before any is needed, and a stat call
            // through the thread pool costs more than the stat itself.
            const s = statSync(childAbs);
            entries.push({ rel: childRel, real: childAbs, size: s.size, mtimeMs: s.mtimeMs, outside: false, ignorable: isIgnorable(childRel) });
          } else if (d.isSymbolicLink()) {
            let real: string;
            try {
              real = await fs.realpath(childAbs);
            } catch {
              continue; // a broken link: as if absent
            }
            if (!inside(root, real)) {
              entries.push({ rel: childRel, real: null, size: 0, mtimeMs: 0, outside: true, ignorable: isIgnorable(childRel) });
              continue;
            }
            const s = await fs.stat(real);
            if (!s.isFile() || ignore.has(real)) continue; // linked folders are not walked
            entries.push({ rel: childRel, real, size: s.size, mtimeMs: s.mtimeMs, outside: false, ignorable: isIgnorable(childRel) });
          }
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // gone while listing
          unreadable(childRel, err);
        }
      }
    };
    await walk(root, '');
    if (badNames.length) {
      const shown = badNames.slice(0, NAMES_SHOWN).join('、') + (badNames.length > NAMES_SHOWN ? ' …' : '');
      warnings.unshift(new RunWarning('unreadable-names', { count: badNames.length, names: shown }));
    }
    return new AssetFolder(root, entries, ignore, warnings);
  }

  /**
   * Resolves what a cell says: a file name or a path relative to the folder ('/' or '\' separators).
   * A bare file name not at the top is looked up by name in the sub-folders. Names compare
   * case-insensitively (clerks work on Windows).
   */
  async resolve(ref: string): Promise<Resolution> {
    const text = ref.trim().replace(/\\/g, '/');
    if (/^[a-z]:/i.test(text) || text.startsWith('/') || /^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
      return { kind: 'unsafe', reason: 'absolute' };
    }
    const parts: string[] = [];
    for (const seg of text.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') {
        if (parts.length === 0) return { kind: 'unsafe', reason: 'parent' };
        parts.pop();
      } else parts.push(seg);
    }
    if (parts.length === 0) return { kind: 'missing' };
    const rel = parts.join('/');
    const direct = this.byRel.get(foldName(rel));
    if (direct) return direct.outside ? { kind: 'unsafe', reason: 'symlink', rel: direct.rel } : { kind: 'entry', entry: direct, candidates: [direct] };
    if (parts.length === 1) {
      const byName = this.byName.get(foldName(rel));
      if (byName?.length) {
        const first = byName[0]!;
        return first.outside ? { kind: 'unsafe', reason: 'symlink', rel: first.rel } : { kind: 'entry', entry: first, candidates: byName };
      }
    }
    // Not listed: it may go through a linked folder. Resolve the link chain (nothing is opened).
    let real: string;
    try {
      real = await fs.realpath(path.join(this.root, ...parts));
    } catch {
      return { kind: 'missing' };
    }
    if (!inside(this.root, real)) return { kind: 'unsafe', reason: 'symlink' };
    if (this.ignore.has(real)) return { kind: 'missing' };
    const viaLink = this.byRel.get(foldName(path.relative(this.root, real).split(path.sep).join('/')));
    return viaLink && !viaLink.outside ? { kind: 'entry', entry: viaLink, candidates: [viaLink] } : { kind: 'missing' };
  }

  /** Files whose name (any folder) is one of `names`, in the order of `names`, then path. */
  findByNames(names: readonly string[]): FolderEntry[] {
    const out: FolderEntry[] = [];
    for (const n of names) for (const e of this.byName.get(foldName(n)) ?? []) if (!out.includes(e)) out.push(e);
    return out;
  }
}
