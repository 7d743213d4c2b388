/** Builds the context rules read: the day, the reference data (with the config's additions), asset facts. */
import type { AssetFacts } from '../assets/types.js';
import { loadReferenceData } from '../data/reference.js';
import type { ReferenceData, RuleContext } from '../engine/types.js';
import { todayYMD, type YMD } from '../model/dates.js';

export interface ContextOptions {
  today?: YMD;
  assets?: AssetFacts | null;
  data?: ReferenceData;
}

export function createContext(options: ContextOptions = {}): RuleContext {
  return {
    today: options.today ?? todayYMD(),
    data: options.data ?? loadReferenceData(),
    assets: options.assets ?? null,
  };
}
