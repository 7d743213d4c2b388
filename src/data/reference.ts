/** The reference data rules consult: title table, series, specialties, issuers, committees, and the district. */
import type { ReferenceData } from '../engine/types.js';
import { loadCommitteeMatcher, shippedCommittees, type CommitteeEntry } from '../match/committee.js';
import { defaultDistrict, type DistrictProfile } from './district.js';
import { loadGuideData, type GuideExtra } from './guide.js';

let defaultData: ReferenceData | null = null;

/** The reference data as shipped in data/, for the default district (loaded once per process). */
export function loadReferenceData(): ReferenceData {
  defaultData ??= referenceData();
  return defaultData;
}

/** The reference data of a district (default: data/district.json), with the configuration's additions. */
export function referenceData(district: DistrictProfile = defaultDistrict(), extra: { guide?: GuideExtra; committees?: readonly CommitteeEntry[] } = {}): ReferenceData {
  return {
    guide: loadGuideData(extra.guide, undefined, district),
    committees: loadCommitteeMatcher(extra.committees, shippedCommittees(district)),
    district,
  };
}
