/** Helpers that give rule files their types without repeating the `kind` tag. */
import type { RowRule, SetRule } from './types.js';

export function rowRule(rule: Omit<RowRule, 'kind'>): RowRule {
  return { kind: 'row', ...rule };
}

export function setRule(rule: Omit<SetRule, 'kind'>): SetRule {
  return { kind: 'set', ...rule };
}
