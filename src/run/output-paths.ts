/** Where a run writes each input's annotated workbook (or fixed copy): never an input, never a file the clerk edited. */
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';

/**
 * "登记表.checked.2" → "登记表": the name of the records a copy was made from, without the suffixes cert-check
 * adds, so checking a copy never piles suffixes up.
 */
export function recordsStem(stem: string): string {
  let s = stem;
  for (;;) {
    const next = s.replace(/\.(checked|fixed)(\.\d+)?$/i, '');
    if (next === s || next === '') return s;
    s = next;
  }
}

/**
 * Where the annotated (or fixed) workbook of an input goes: `-o` as given (never the input itself, links
 * included); else `<records>.checked.xlsx` beside the input (or in --out-dir), numbered `.checked.2.xlsx`,
 * `.checked.3.xlsx`… when that name is an input of the run, another output of the run, or a file that is not
 * an untouched copy cert-check wrote (a copy the clerk edited, or anyone's file, is never overwritten).
 */
export async function outputPath(
  file: string, opts: { out?: string; outDir?: string }, taken: Set<string>, inputs: readonly string[], kind: 'checked' | 'fixed' = 'checked',
): Promise<string> {
  if (opts.out) {
    const out = resolve(opts.out);
    if (inputs.some((input) => sameFile(out, input))) throw new InputError('output-is-input', { out: opts.out });
    taken.add(out);
    return out;
  }
  const { readMarker } = await import('../report/xlsx/marker.js');
  const stem = recordsStem(basename(file, extname(file)));
  const dir = resolve(opts.outDir ?? dirname(resolve(file)));
  for (let n = 1; ; n++) {
    const out = resolve(dir, `${stem}.${kind}${n > 1 ? `.${n}` : ''}.xlsx`);
    if (taken.has(out) || inputs.some((input) => sameFile(out, input))) continue;
    if (existsSync(out)) {
      const state = await readMarker(out);
      if (!state || state.edited || (state.kind !== 'annotated' && state.kind !== 'fixed')) continue;
    }
    taken.add(out);
    return out;
  }
}

function sameFile(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      try {
        return join(realpathSync(dirname(p)), basename(p));
      } catch {
        return resolve(p);
      }
    }
  };
  return real(a) === real(b);
}
