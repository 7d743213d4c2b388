/**
 * The output guard: one check of every file a run will write (annotated workbooks or fixed copies, fix
 * list, each fixed photo's destination, cache, report file, cards), made once before any work. A run is
 * refused (InputError, exit 2, one sentence) when an output
 * - is an input (the same file by any spelling, through links, or a hard link to it), or the config or
 *   committee list the run reads;
 * - lies inside the assets folder — except under a name the folder's listing never takes for a photo or
 *   an attachment (a workbook, a .json cache, a hidden file), which can neither replace an asset nor be
 *   taken for one: the default layout (records and photos in one folder, which is then the assets folder,
 *   with `<name>.checked.xlsx` and a cache beside the records) keeps working;
 * - is a file the user named (-o, --fix-list, --report-file) that exists and is not cert-check's to replace:
 *   a workbook cert-check did not write or that was edited since, or a spreadsheet for a report file
 *   (a forgotten option value, `--fix-list a.xlsx b.xlsx`, would otherwise overwrite the records a.xlsx);
 * - is another output of the same run;
 * - exists and is not a regular file (a folder, a device, a FIFO, a socket), or has a file on its path
 *   where a folder should be.
 * A symbolic link at an output's place is judged by what it points to; the output then replaces the link
 * (rename), never writing through it.
 */
import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import { bilingual, type Bilingual } from '../i18n/index.js';
import { neverAnAsset } from '../assets/folder.js';
import { kindOf } from './bounded-read.js';
import type { OutputKind } from '../report/types.js';

export interface PlannedOutput {
  /** The path as the user gave it or as cert-check chose it. */
  path: string;
  kind: OutputKind;
  /** How the user named it: '-o', '--out-dir', '--fix-list', '--cache', '--fix-photos'…, or a phrase for a default. */
  option: string | Bilingual;
  /** Its writer creates its folder when missing (--out-dir, --cache, --fix-photos); else a missing folder is refused. */
  makesFolder?: boolean;
}

export interface GuardOptions {
  outputs: readonly PlannedOutput[];
  /** Every file the run reads: the spreadsheets, the configuration, the committee list. */
  inputs: readonly string[];
  /** The assets folder, or null with --no-assets. */
  assetsDir: string | null;
  /** Existing files at outputs the user named that are not cert-check's to replace (foreignOutputs), by resolved path. */
  foreign?: ReadonlyMap<string, Bilingual>;
}

/** Where a path leads: its real path (through links, also for a file not there yet) and, if it exists, the file. */
interface Place {
  real: string;
  /** dev:ino of the existing file (hard links share it). */
  inode: string | null;
  /** What exists there (links followed), or null. */
  stat: Stats | null;
  /** A component of the path that exists but is not a folder. */
  blockedBy: string | null;
  /** The file's folder does not exist (yet). */
  folderMissing: boolean;
}

export class OutputGuard {
  private readonly realDirs = new Map<string, { real: string; blockedBy: string | null }>();
  private readonly inputs: { path: string; place: Place }[];
  private readonly assets: string | null;
  private readonly claimed = new Map<string, PlannedOutput>();
  /** Folders that outputs of the run create (--out-dir, the cache's, --fix-photos'): an output may go there. */
  private readonly madeFolders = new Set<string>();

  constructor(inputs: readonly string[], assetsDir: string | null, private readonly foreign: ReadonlyMap<string, Bilingual> = new Map()) {
    this.inputs = inputs.map((p) => ({ path: p, place: this.place(p) }));
    this.assets = assetsDir === null ? null : this.place(assetsDir).real;
  }

  /** The reason `out` may not be written, or null. Records it as taken (a later output at the same place clashes). */
  check(out: PlannedOutput): InputError | null {
    const place = this.place(out.path);
    const option = out.option;
    if (place.blockedBy) return new InputError('output-bad-folder', { option, out: out.path, folder: place.blockedBy });
    if (place.stat && !place.stat.isFile()) {
      const k = kindOf(place.stat);
      return new InputError('output-not-file', { option, out: out.path, kind: bilingual(k.zh, k.en) });
    }
    for (const input of this.inputs) {
      if (input.place.real === place.real || (place.inode !== null && input.place.inode === place.inode)) {
        return new InputError('output-is-input', { out: out.path });
      }
    }
    if (this.assets !== null && within(this.assets, place.real)) {
      const rel = path.relative(this.assets, place.real).split(path.sep).join('/');
      if (rel === '' || !neverAnAsset(rel)) return new InputError('output-in-assets', { option, out: out.path, dir: this.assets });
    }
    const what = this.foreign.get(path.resolve(out.path));
    if (what) return new InputError('output-not-own', { option, out: out.path, what });
    const keys = [place.real, ...(place.inode ? [place.inode] : [])];
    for (const key of keys) {
      const other = this.claimed.get(key);
      // Two photos fixed to one name (x.gif, x.bmp → x.jpg) are no clash: the second is left alone (name-taken).
      if (other && !(other.kind === 'fixed-photo' && out.kind === 'fixed-photo')) {
        return new InputError('output-clash', { out: out.path, first: other.option, second: option });
      }
    }
    if (place.folderMissing && !out.makesFolder && !this.madeFolders.has(path.dirname(place.real))) {
      return new InputError('output-no-folder', { option, out: out.path, folder: path.dirname(out.path) });
    }
    for (const key of keys) this.claimed.set(key, out);
    if (out.makesFolder) this.madeFolders.add(path.dirname(place.real));
    return null;
  }

  /** Checks every output, in order; throws the first refusal. */
  checkAll(outputs: readonly PlannedOutput[]): void {
    for (const out of outputs) if (out.makesFolder) this.madeFolders.add(path.dirname(this.place(out.path).real));
    for (const out of outputs) {
      const refusal = this.check(out);
      if (refusal) throw refusal;
    }
  }

  private place(p: string): Place {
    const abs = path.resolve(p);
    let lst: Stats | null = null;
    try {
      lst = lstatSync(abs);
    } catch {
      // not there
    }
    let stat: Stats | null = lst;
    if (lst?.isSymbolicLink()) {
      try {
        stat = statSync(abs);
      } catch {
        stat = null; // a dangling link: replaced by the output
      }
    }
    if (stat) {
      let real = abs;
      try {
        real = realpathSync(abs);
      } catch {
        // keep the path as given
      }
      return { real, inode: `${stat.dev}:${stat.ino}`, stat, blockedBy: null, folderMissing: false };
    }
    const dir = this.realDir(path.dirname(abs));
    let folderMissing = true;
    try {
      folderMissing = !statSync(path.dirname(abs)).isDirectory();
    } catch {
      // missing
    }
    return { real: path.join(dir.real, path.basename(abs)), inode: null, stat: null, blockedBy: dir.blockedBy, folderMissing };
  }

  /** The real path of a folder that may not exist yet (its nearest existing ancestor, resolved, joined with the rest). */
  private realDir(dir: string): { real: string; blockedBy: string | null } {
    const known = this.realDirs.get(dir);
    if (known) return known;
    let result: { real: string; blockedBy: string | null };
    try {
      const real = realpathSync(dir);
      result = { real, blockedBy: statSync(real).isDirectory() ? null : dir };
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) result = { real: dir, blockedBy: null };
      else {
        const up = this.realDir(parent);
        result = { real: path.join(up.real, path.basename(dir)), blockedBy: up.blockedBy };
      }
    }
    this.realDirs.set(dir, result);
    return result;
  }
}

function within(root: string, p: string): boolean {
  const r = path.relative(root, p);
  return r === '' || (!r.startsWith('..') && !path.isAbsolute(r));
}

/** Checks every output of a run once, before any work; throws the InputError of the first refusal. */
export function guardOutputs(options: GuardOptions): OutputGuard {
  const guard = new OutputGuard(options.inputs, options.assetsDir, options.foreign);
  guard.checkAll(options.outputs);
  return guard;
}

/** Where --fix-photos would write the fixed copy of the file `rel` of the assets folder (see fix-photos.ts). */
export function fixedPhotoPath(target: string, rel: string): string {
  const parts = rel.split('/');
  const base = parts[parts.length - 1]!;
  const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
  return path.join(target, ...parts.slice(0, -1), `${stem}.jpg`);
}
