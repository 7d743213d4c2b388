/** Committee-name matcher (issue 4). */
export interface CommitteeMatcher {
  placeholder?: never;
}

export function loadCommitteeMatcher(): CommitteeMatcher {
  return {};
}
