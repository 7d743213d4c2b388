/**
 * The command line's outputs: the list of every file a check run will write, handed to the output guard
 * (src/run/output-guard.ts) once, before any work — annotated workbooks or fixed copies, the fix list, the
 * cache, the report file, the cards' index, and the destination every file of the assets folder would have
 * under --fix-photos.
 */
import { join } from 'node:path';
import type { InputError } from '../errors.js';
import { DEFAULT_WORKBOOK_OPTION } from '../i18n/cli.js';
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
export function planGuard(opts: OutputOptions, sources: readonly string[]): {
  check: (plan: RunPlan) => void;
  allow: (dest: string) => InputError | null;
} {
  let guard: OutputGuard | null = null;
  return {
    check(plan) {
      guard = guardOutputs({ outputs: plannedOutputs(opts, plan), inputs: [...plan.files, ...sources], assetsDir: plan.assetsDir });
    },
    allow(dest) {
      return guard ? guard.check({ path: dest, kind: 'fixed-photo', option: '--fix-photos', makesFolder: true }) : null;
    },
  };
}
