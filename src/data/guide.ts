/** Reference data of the guide: title table, series, levels, specialties, issuers. (Filled by issue 3.) */
export interface GuideData {
  placeholder?: never;
}

export function loadGuideData(): GuideData {
  return {};
}
