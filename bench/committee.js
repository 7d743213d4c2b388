// The committee matcher alone: 100,000 look-ups of realistic spellings (exact names, abbreviations, typos).
import { benchCommitteeMatching } from '../dist/src/match/committee.js';

export async function committeeBench() {
  const r = benchCommitteeMatching(100_000, 2_000);
  return { lookups: r.rows, ms: r.ms, distinct: r.distinct };
}
