/** What a rule file needs of the engine: `rowRule` / `setRule`, which give it its type without the `kind` tag, and the types. */
import type { RowRule, SetRule } from './types.js';

export type { FileReport, Lang, Rule, RuleContext, RuleReport } from './types.js';

export function rowRule(rule: Omit<RowRule, 'kind'>): RowRule {
  return { kind: 'row', ...rule };
}

export function setRule(rule: Omit<SetRule, 'kind'>): SetRule {
  return { kind: 'set', ...rule };
}
