/**
 * Expands the command line's inputs: files as given; a folder → the .xlsx and .csv files directly inside
 * it (one level, not recursive: a batch is one folder, and sub-folders usually hold the photos and PDFs),
 * sorted by name, without cert-check's own outputs (*.checked.xlsx, *.fixed.xlsx), Excel/WPS lock files
 * (~$*) and macOS resource forks (._*).
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.js';

const INPUT_EXT = /\.(xlsx|csv)$/i;
const OWN_OUTPUT = /\.(checked|fixed)\.xlsx$/i;

/** True for a file name a folder scan takes as input. */
export function isInputName(name: string): boolean {
  return INPUT_EXT.test(name) && !OWN_OUTPUT.test(name) && !name.startsWith('~$') && !name.startsWith('._');
}

export async function expandInputs(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    const key = resolve(p);
    if (seen.has(key)) return;
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
    const names = (await readdir(path)).filter(isInputName).sort();
    const files: string[] = [];
    for (const name of names) {
      const full = join(path, name);
      if ((await stat(full).catch(() => null))?.isFile()) files.push(full);
    }
    if (!files.length) throw new InputError('no-inputs', { path });
    files.forEach(add);
  }
  return out;
}
