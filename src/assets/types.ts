/** Facts about each row's photo and attachment, gathered before the rules run (issue 5). */
import type { CertRecord } from '../model/record.js';

/** Looked up by the asset rules through ctx.assets. Shape owned by src/assets. */
export interface AssetFacts {
  placeholder?: never;
}

/** Gathers asset facts for batches of records; the pipeline calls prepare() before the rules see a batch. */
export interface AssetInspector {
  readonly facts: AssetFacts;
  prepare(records: readonly CertRecord[]): Promise<void>;
  /** Persists the --cache file, if any. */
  close(): Promise<void>;
}
