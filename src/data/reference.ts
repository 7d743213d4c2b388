/** The reference data rules consult, as shipped in data/: title table, series, specialties, issuers, committees. */
import type { ReferenceData } from '../engine/types.js';
import { loadCommitteeMatcher } from '../match/committee.js';
import { loadGuideData } from './guide.js';

let defaultData: ReferenceData | null = null;

/** The reference data as shipped in data/ (loaded once per process). */
export function loadReferenceData(): ReferenceData {
  defaultData ??= { guide: loadGuideData(), committees: loadCommitteeMatcher() };
  return defaultData;
}
