/** The rule registry: every rule in rules/, listed explicitly and sorted by id. */
import type { Rule } from '../src/engine/define.js';
import approvalNoBrackets from './approval-no-brackets.js';
import approvalNoCommittee from './approval-no-committee.js';
import approvalNoFormat from './approval-no-format.js';
import approvalNoIssuer from './approval-no-issuer.js';
import approvalNoYear from './approval-no-year.js';
import assetUnusedFile from './asset-unused-file.js';
import attachmentFile from './attachment-file.js';
import attachmentFormat from './attachment-format.js';
import attachmentPages from './attachment-pages.js';
import attachmentSize from './attachment-size.js';
import authorityByLevel from './authority-by-level.js';
import birthDateMatchesId from './birth-date-matches-id.js';
import certNoBefore2021 from './cert-no-before-2021.js';
import certNoOnePerson from './cert-no-one-person.js';
import certNoSince2021 from './cert-no-since-2021.js';
import committeeLevel from './committee-level.js';
import committeeName from './committee-name.js';
import committeeOffice from './committee-office.js';
import committeeSeries from './committee-series.js';
import datesFarApart from './dates-far-apart.js';
import datesNotFuture from './dates-not-future.js';
import datesOrder from './dates-order.js';
import datesReadable from './dates-readable.js';
import duplicateCertificate from './duplicate-certificate.js';
import hasSpecialtyYes from './has-specialty-yes.js';
import idNumber from './id-number.js';
import idNumberLostDigits from './id-number-lost-digits.js';
import idNumberLowercaseX from './id-number-lowercase-x.js';
import initialDatesEqual from './initial-dates-equal.js';
import initialNotSenior from './initial-not-senior.js';
import levelValue from './level-value.js';
import methodKnown from './method-known.js';
import nameMiddleDot from './name-middle-dot.js';
import nameSpaces from './name-spaces.js';
import obtainedTooYoung from './obtained-too-young.js';
import onlineReviewNoRegistration from './online-review-no-registration.js';
import photoColour from './photo-colour.js';
import photoFile from './photo-file.js';
import photoFormat from './photo-format.js';
import photoShape from './photo-shape.js';
import photoShared from './photo-shared.js';
import photoSize from './photo-size.js';
import regionByLevel from './region-by-level.js';
import requiredFields from './required-fields.js';
import sameIdSamePerson from './same-id-same-person.js';
import seriesKnown from './series-known.js';
import specialtyKnown from './specialty-known.js';
import specialtyLocalInDropdown from './specialty-local-in-dropdown.js';
import specialtyNamedNoLocal from './specialty-named-no-local.js';
import specialtyOtherNeedsLocal from './specialty-other-needs-local.js';
import specialtyRequired from './specialty-required.js';
import titleSeriesLevel from './title-series-level.js';

export const RULES: readonly Rule[] = [
  approvalNoBrackets,
  approvalNoCommittee,
  approvalNoFormat,
  approvalNoIssuer,
  approvalNoYear,
  assetUnusedFile,
  attachmentFile,
  attachmentFormat,
  attachmentPages,
  attachmentSize,
  authorityByLevel,
  birthDateMatchesId,
  certNoBefore2021,
  certNoOnePerson,
  certNoSince2021,
  committeeLevel,
  committeeName,
  committeeOffice,
  committeeSeries,
  datesFarApart,
  datesNotFuture,
  datesOrder,
  datesReadable,
  duplicateCertificate,
  hasSpecialtyYes,
  idNumber,
  idNumberLostDigits,
  idNumberLowercaseX,
  initialDatesEqual,
  initialNotSenior,
  levelValue,
  methodKnown,
  nameMiddleDot,
  nameSpaces,
  obtainedTooYoung,
  onlineReviewNoRegistration,
  photoColour,
  photoFile,
  photoFormat,
  photoShape,
  photoShared,
  photoSize,
  regionByLevel,
  requiredFields,
  sameIdSamePerson,
  seriesKnown,
  specialtyKnown,
  specialtyLocalInDropdown,
  specialtyNamedNoLocal,
  specialtyOtherNeedsLocal,
  specialtyRequired,
  titleSeriesLevel,
];
