/** The rule registry: every rule in rules/, listed explicitly and sorted by id. */
import type { Rule } from '../src/engine/types.js';
import approvalNoBrackets from './approval-no-brackets.js';
import birthDateMatchesId from './birth-date-matches-id.js';
import idNumber from './id-number.js';
import idNumberLostDigits from './id-number-lost-digits.js';
import idNumberLowercaseX from './id-number-lowercase-x.js';
import requiredFields from './required-fields.js';

export const RULES: readonly Rule[] = [
  approvalNoBrackets,
  birthDateMatchesId,
  idNumber,
  idNumberLostDigits,
  idNumberLowercaseX,
  requiredFields,
];
