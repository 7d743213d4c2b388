/**
 * The command line's outputs: the list of every file a check run will write, handed to the output guard
 * (src/run/output-guard.ts) once, before any work — annotated workbooks or fixed copies, the fix list, the
 * cache, the report file, the cards' index, and the destination every file of the assets folder would have
 * under --fix-photos.
 */
import { closeSync, openSync, readSync, statSync, constants as fsc } from 'node:fs';
import { join, resolve } from 'node:path';
import type { InputError } from '../errors.js';
import { DEFAULT_WORKBOOK_OPTION, FOREIGN_OUTPUT } from '../i18n/cli.js';
import type { Bilingual } from '../i18n/index.js';
import { INDEX_NAME as CARDS_INDEX } from '../report/cards/writer.js';
import { fixedPhotoPath, guardOutputs, type OutputGuard, type PlannedOutput } from '../run/output-guard.js';
import type { RunPlan } from '../run/outcome.js';

export interface OutputOptions {
  out?: string | false;
  outDir?: string;
  fix?: boolean;
  fixList?: string;
  fixPhotos?: string;
  cache?: string;
  reportFile?: string;
  /** The --cards folder (its index page stands for the sheets, which are named after it). */
  cards?: string;
}

/** Every output of the run, in the order they are judged (the first of two clashing outputs is named first). */
export function plannedOutputs(opts: OutputOptions, plan: RunPlan): PlannedOutput[] {
  const outputs: PlannedOutput[] = [];
  const workbook = typeof opts.out === 'string'
    ? '-o'
    : opts.outDir !== undefined
      ? '--out-dir'
      : DEFAULT_WORKBOOK_OPTION;
  for (const out of plan.outputs.values()) {
    if (out) outputs.push({ path: out, kind: opts.fix ? 'fixed' : 'checked', option: workbook, makesFolder: workbook === '--out-dir' });
  }
  if (opts.fixList !== undefined) outputs.push({ path: opts.fixList, kind: 'fix-list', option: '--fix-list' });
  if (opts.cache !== undefined) outputs.push({ path: opts.cache, kind: 'cache', option: '--cache', makesFolder: true });
  if (opts.reportFile !== undefined) outputs.push({ path: opts.reportFile, kind: 'report', option: '--report-file', makesFolder: true });
  if (opts.cards !== undefined) outputs.push({ path: join(opts.cards, CARDS_INDEX), kind: 'cards', option: '--cards', makesFolder: true });
  if (opts.fixPhotos !== undefined && plan.folder) {
    // Which photos need fixing is known only after the run: every file that could be one is judged now.
    for (const e of plan.folder.entries) {
      if (e.outside || e.ignorable) continue;
      outputs.push({ path: fixedPhotoPath(opts.fixPhotos, e.rel), kind: 'fixed-photo', option: '--fix-photos', makesFolder: true });
    }
  }
  return outputs;
}

/**
 * The guard of one run: `check` (the pipeline's beforeWork) judges every output at once and throws the
 * refusal; `allow` judges a fixed photo's destination again just before it is written.
 */
export function planGuard(opts: OutputOptions, sources: readonly string[], foreign?: ReadonlyMap<string, Bilingual>): {
  check: (plan: RunPlan) => void;
  allow: (dest: string) => InputError | null;
} {
  let guard: OutputGuard | null = null;
  return {
    check(plan) {
      guard = guardOutputs({ outputs: plannedOutputs(opts, plan), inputs: [...plan.files, ...sources], assetsDir: plan.assetsDir, foreign });
    },
    allow(dest) {
      return guard ? guard.check({ path: dest, kind: 'fixed-photo', option: '--fix-photos', makesFolder: true }) : null;
    },
  };
}

/**
 * Existing files at the outputs the user named that cert-check may not replace, by resolved path, with why:
 * for -o and --fix-list a file that is not a workbook cert-check wrote as that kind, or was edited and saved
 * since (a clerk's records or corrected copy); for --report-file a spreadsheet (zip or Excel 97-2003). An
 * empty file may be replaced. The guard refuses them (output-not-own) after its own checks, so an output that
 * is an input is still said as such.
 */
export async function foreignOutputs(opts: Pick<OutputOptions, 'out' | 'fixList' | 'reportFile'>): Promise<Map<string, Bilingual>> {
  const { readMarker } = await import('../report/xlsx/marker.js');
  const foreign = new Map<string, Bilingual>();
  const workbook = async (p: string, kinds: readonly string[]): Promise<void> => {
    if (!existingFileSize(p)) return;
    const state = await readMarker(p);
    const why = !state ? FOREIGN_OUTPUT.notOwn : !kinds.includes(state.kind) ? FOREIGN_OUTPUT.otherKind : state.edited ? FOREIGN_OUTPUT.edited : null;
    if (why) foreign.set(resolve(p), why);
  };
  if (typeof opts.out === 'string') await workbook(opts.out, ['annotated', 'fixed']);
  if (opts.fixList !== undefined) await workbook(opts.fixList, ['fix-list']);
  if (opts.reportFile !== undefined && existingFileSize(opts.reportFile) && isSpreadsheet(opts.reportFile)) {
    foreign.set(resolve(opts.reportFile), FOREIGN_OUTPUT.spreadsheet);
  }
  return foreign;
}

/** The size of the regular file at `p` (links followed), or 0 when there is none (the guard judges the rest). */
function existingFileSize(p: string): number {
  try {
    const st = statSync(p, { throwIfNoEntry: false });
    return st?.isFile() ? st.size : 0;
  } catch {
    return 0;
  }
}

/** A zip (.xlsx, .ods…) or an OLE compound file (.xls, .et), by its first bytes. */
function isSpreadsheet(p: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(p, fsc.O_RDONLY | fsc.O_NONBLOCK);
    const head = Buffer.alloc(8);
    const n = readSync(fd, head, 0, 8, 0);
    return (n >= 4 && head.readUInt32LE(0) === 0x04034b50) || (n === 8 && head.toString('hex') === 'd0cf11e0a1b11ae1');
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
