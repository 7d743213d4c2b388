/** What a rule is, what it reports, and what it may read: findings are data; text is made by reporters. */
import type { FieldKey } from '../model/fields.js';
import type { CertRecord } from '../model/record.js';
import type { YMD } from '../model/dates.js';
import type { DistrictProfile } from '../data/district.js';
import type { GuideData } from '../data/guide.js';
import type { CommitteeMatcher } from '../match/committee.js';
import type { AssetFacts } from '../assets/types.js';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type { Lang } from '../i18n/index.js';

/** A message template: `{name}` placeholders are filled from the finding's data. */
export interface MessageDef {
  zh: string;
  en: string;
  /** Overrides the rule's default severity for this message (e.g. a warning inside an error rule). */
  severity?: Severity;
}

/** What a rule returns for one problem. */
export interface RuleReport {
  messageId: string;
  /** The field the problem sits in; null for a problem of the whole row. */
  field: FieldKey | null;
  data?: Record<string, string | number>;
  /** The value to type instead, when it can be known. */
  suggestion?: string;
  /**
   * The value `--fix` writes into the cell, only when the correction is certain ('' clears the cell).
   * Usually equal to the suggestion; absent when a person must decide.
   */
  fix?: string;
  /**
   * The cells the fix was derived from besides the cell itself (region from level, a committee from level,
   * series and year). `--fix` applies it only when none of them is contested on the row.
   */
  from?: FieldKey[];
  /** Other cells the problem concerns (committee-level: the level); such cells are contested for `--fix`. */
  related?: FieldKey[];
}

export interface RuleMeta {
  /** Kebab-case id, equal to the file name in rules/. */
  id: string;
  description: { zh: string; en: string };
  /** Section of the guide the rule enforces, e.g. "三（四）". */
  guide?: string;
  severity: Severity;
  /** The fields the rule checks. */
  fields: FieldKey[];
  messages: Record<string, MessageDef>;
}

/** A rule that looks at one record at a time. */
export interface RowRule extends RuleMeta {
  kind: 'row';
  check(record: CertRecord, ctx: RuleContext): RuleReport[];
}

/**
 * A rule over every row (duplicates and the like). `start` makes the state for one run; `check` sees the
 * rows in order and reports on the current (later) row; `finish` may report problems of no single row.
 */
export interface SetRule extends RuleMeta {
  kind: 'set';
  start(ctx: RuleContext): SetRuleState;
}

export interface SetRuleState {
  check(record: CertRecord): RuleReport[];
  finish?(): FileReport[];
}

/** A problem found after every row was seen: it may name a row seen earlier, or none. */
export interface FileReport extends RuleReport {
  file: string;
  sheet?: string;
  row?: number | null;
}

export type Rule = RowRule | SetRule;

/** A finding: a located, severity-resolved report. Reporters turn it into text. */
export interface Finding {
  rule: string;
  messageId: string;
  severity: Severity;
  file: string;
  sheet: string | null;
  /** Row number as the spreadsheet shows it; null for a problem of the whole file or folder. */
  row: number | null;
  /** Column letter, when the field is in the sheet. */
  column: string | null;
  field: FieldKey | null;
  /** The header text of the column in the sheet. */
  header: string | null;
  /** The cell's text as the clerk typed it. */
  value: string | null;
  data: Record<string, string | number>;
  suggestion: string | null;
  /** The certain correction `--fix` applies ('' clears the cell), or null. */
  fix: string | null;
  /** The cells the fix was derived from (see RuleReport.from); only when the rule names them. */
  from?: FieldKey[];
  /** Other cells the problem concerns (see RuleReport.related); only when the rule names them. */
  related?: FieldKey[];
}

/**
 * Everything a rule may read besides the record. Built once per run; extended by the data modules
 * (title table, committees, assets) without changing rules' signatures.
 */
export interface RuleContext {
  /** The day the check runs (injectable for tests). */
  today: YMD;
  data: ReferenceData;
  /** Facts about each row's photo and attachment, gathered before the rules run (src/assets). */
  assets: AssetFacts | null;
}

/** Reference lists the rules consult. Each member is owned by its module. */
export interface ReferenceData {
  /** Title table, series, levels, specialties, issuers (src/data/guide.ts). */
  guide: GuideData;
  /** Official committee names and the matcher (src/match/committee.ts). */
  committees: CommitteeMatcher;
  /** The district the records belong to (src/data/district.ts): its region, authority, office, committees, 片区. */
  district: DistrictProfile;
}
