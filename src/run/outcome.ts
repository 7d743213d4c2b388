/** The run as the output guard sees it, before anything is written. */
import type { AssetFolder } from '../assets/folder.js';

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
