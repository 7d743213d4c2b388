/** What a run writes and what it could not: the kinds of output, and the plan the output guard sees. */
import type { AssetFolder } from '../assets/folder.js';

/** Every kind of file a check run writes. */
export type OutputKind = 'checked' | 'fixed' | 'fix-list' | 'fixed-photo' | 'cache' | 'report' | 'cards';

/** The run as known before anything is written (see CheckOptions.beforeWork). */
export interface RunPlan {
  /** The inputs, as expanded from the command line. */
  files: readonly string[];
  /** The annotated workbook (or fixed copy) of each input; null with --no-out. */
  outputs: ReadonlyMap<string, string | null>;
  /** The assets folder (absolute), or null with --no-assets. */
  assetsDir: string | null;
  /** The assets folder as listed (null with --no-assets). */
  folder: AssetFolder | null;
}
