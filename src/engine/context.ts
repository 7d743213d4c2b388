/** Builds the context rules read: the day, the reference data (with the config's additions), asset facts. */
import { loadGuideData } from '../data/guide.js';
import { loadCommitteeMatcher } from '../match/committee.js';
import { todayYMD, type YMD } from '../model/dates.js';
import type { AssetFacts } from '../assets/types.js';
import type { ReferenceData, RuleContext } from './types.js';

export interface ContextOptions {
  today?: YMD;
  assets?: AssetFacts | null;
  data?: ReferenceData;
}

let defaultData: ReferenceData | null = null;

/** The reference data as shipped in data/ (loaded once per process). */
export function loadReferenceData(): ReferenceData {
  defaultData ??= { guide: loadGuideData(), committees: loadCommitteeMatcher() };
  return defaultData;
}

export function createContext(options: ContextOptions = {}): RuleContext {
  return {
    today: options.today ?? todayYMD(),
    data: options.data ?? loadReferenceData(),
    assets: options.assets ?? null,
  };
}
