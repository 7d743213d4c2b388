/** Facts about each row's photo and attachment, gathered before the rules run (issue 5). */
export interface AssetFacts {
  placeholder?: never;
}
