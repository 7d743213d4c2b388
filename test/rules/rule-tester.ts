/**
 * Table tests for rules (after ESLint's RuleTester): valid rows must give nothing, invalid rows exactly the
 * listed findings — message, suggestion and the `--fix` value (a fix is a promise: like ESLint's `output`,
 * it is asserted on every invalid case; leaving it out asserts there is none).
 */
import { guideSectionEn } from '../../src/engine/messages.js';
import { describe, expect, it } from 'vitest';
import { MessageBook } from '../../src/engine/messages.js';
import type { Finding, Rule, RuleContext, Severity } from '../../src/engine/types.js';
import type { FieldKey } from '../../src/model/fields.js';
import { GOOD_ROW, makeRecord, runRule, testContext } from '../helpers/records.js';

export type Row = Partial<Record<FieldKey, unknown>>;

export interface Case {
  name: string;
  /** Values over GOOD_ROW for a one-row case. */
  row?: Row;
  /** Several rows (set rules), each over GOOD_ROW; sheet rows 2, 3, … */
  rows?: Row[];
  /** Columns the sheet lacks. */
  omit?: FieldKey[];
  numFmts?: Partial<Record<FieldKey, string | number>>;
  ctx?: () => RuleContext;
}

export interface Expected {
  messageId: string;
  field?: FieldKey | null;
  /** Checked always: omit it to assert there is no suggestion. */
  suggestion?: string;
  /** The value `--fix` writes ('' clears the cell). Checked always: omit it (or null) to assert there is no fix. */
  fix?: string | null;
  /** The cells the fix is derived from (checked when given). */
  from?: FieldKey[];
  /** Other cells the problem concerns (checked when given). */
  related?: FieldKey[];
  severity?: Severity;
  data?: Record<string, string | number>;
  /** Sheet row of the finding (set rules). */
  row?: number;
}

export interface InvalidCase extends Case {
  errors: Expected[];
}

export function runCase(rule: Rule, c: Case): Finding[] {
  const rows = c.rows ?? [c.row ?? {}];
  const records = rows.map((r, i) => makeRecord(r, { row: i + 2, omit: c.omit, numFmts: c.numFmts }));
  return runRule(rule, records, c.ctx ? c.ctx() : testContext());
}

/** Runs the tables; also checks GOOD_ROW is clean and every message fills all its placeholders in both languages. */
export function testRule(rule: Rule, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  const book = new MessageBook([rule]);
  describe(rule.id, () => {
    it('finds nothing on GOOD_ROW', () => {
      expect(runRule(rule, makeRecord(GOOD_ROW))).toEqual([]);
    });

    it('has unique case names', () => {
      const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
    });

    it.each(cases.valid)('valid: $name', (c) => {
      expect(runCase(rule, c)).toEqual([]);
    });

    it.each(cases.invalid)('invalid: $name', (c) => {
      const found = runCase(rule, c);
      expect(found.map((f) => f.messageId)).toEqual(c.errors.map((e) => e.messageId));
      c.errors.forEach((e, i) => {
        const f = found[i]!;
        expect(f.rule).toBe(rule.id);
        if (e.field !== undefined) expect(f.field).toBe(e.field);
        expect(f.suggestion, 'suggestion').toBe(e.suggestion ?? null);
        expect(f.fix, 'fix').toBe(e.fix ?? null);
        if (e.from) expect(f.from ?? [], 'from').toEqual(e.from);
        if (e.related) expect(f.related ?? [], 'related').toEqual(e.related);
        if (e.severity) expect(f.severity).toBe(e.severity);
        if (e.data) expect(f.data).toMatchObject(e.data);
        if (e.row !== undefined) expect(f.row).toBe(e.row);
        for (const lang of ['zh', 'en'] as const) {
          const text = book.format(f, lang);
          expect(text, text).not.toMatch(/\{\w+\}/);
          if (rule.guide) expect(text).toContain(lang === 'zh' ? rule.guide : `§${guideSectionEn(rule.guide)}`);
        }
      });
    });
  });
}
