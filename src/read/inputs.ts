/**
 * Expands the command line's inputs: files as given; a folder → the .xlsx and .csv files directly inside
 * it (one level, not recursive: a batch is one folder, and sub-folders usually hold the photos and PDFs),
 * sorted by name, without cert-check's own outputs (*.checked.xlsx, *.fixed.xlsx, and fix lists, which are
 * known by a mark in their document properties since the clerk names them), Excel/WPS lock files (~$*)
 * and macOS resource forks (._*).
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import yauzl from 'yauzl';
import { InputError } from '../errors.js';

/** Why an input was passed over; the reports say it in words. */
export type SkipReason = 'own-output' | 'fix-list' | 'lock-file' | 'resource-fork' | 'duplicate';

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

const INPUT_EXT = /\.(xlsx|csv)$/i;
const OWN_OUTPUT = /\.(checked|fixed)\.xlsx$/i;

/** True for a file name a folder scan takes as input. */
export function isInputName(name: string): boolean {
  return INPUT_EXT.test(name) && skipReason(name) === null;
}

/** Why a folder scan passes over a spreadsheet's name (the summary lists them), or null. */
function skipReason(name: string): SkipReason | null {
  if (OWN_OUTPUT.test(name)) return 'own-output';
  if (name.startsWith('~$')) return 'lock-file';
  if (name.startsWith('._')) return 'resource-fork';
  return null;
}

/** `onSkip` hears of every input passed over and why (the reports count every input). */
export async function expandInputs(paths: readonly string[], onSkip?: (path: string, reason: SkipReason) => void): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    const key = resolve(p);
    if (seen.has(key)) return onSkip?.(p, 'duplicate');
    seen.add(key);
    out.push(p);
  };
  for (const path of paths) {
    const st = await stat(path).catch(() => null);
    if (!st) throw new InputError('missing-path', { path });
    if (!st.isDirectory()) {
      add(path);
      continue;
    }
    const names = (await readdir(path)).filter((n) => INPUT_EXT.test(n)).sort();
    const files: string[] = [];
    for (const name of names) {
      const full = join(path, name);
      if (!(await stat(full).catch(() => null))?.isFile()) continue;
      const reason = skipReason(name) ?? (/\.xlsx$/i.test(name) && (await isFixList(full)) ? 'fix-list' : null); // a fix list: last run's, saved beside the records
      if (reason) onSkip?.(full, reason);
      else files.push(full);
    }
    if (!files.length) throw new InputError('no-inputs', { path });
    files.forEach(add);
  }
  return out;
}
