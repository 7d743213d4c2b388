/**
 * The one dialect of rule tests (after ESLint's RuleTester and stylelint's testRule): valid rows must give
 * nothing, invalid rows exactly the listed findings — message, field, suggestion and the `--fix` value (a fix
 * is a promise: like ESLint's `output`, it is asserted on every invalid case; leaving it out asserts there is
 * none). Asset rules give their rows files: a folder the rows' photos and PDFs are looked up in and inspected
 * for real (`folder`), or, for what real files cannot show, the facts as the inspector would give them
 * (`assets`). Every message of the rule must appear in some invalid case.
 */
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAssetInspector, type AssetInspectorOptions } from '../../src/assets/index.js';
import type { AssetFacts, AssetLookup, ListedFile } from '../../src/assets/types.js';
import { MessageBook } from '../../src/engine/messages.js';
import { guideMark } from '../../src/i18n/report.js';
import type { Finding, Rule, RuleContext, Severity } from '../../src/engine/types.js';
import type { FieldKey } from '../../src/model/fields.js';
import { GOOD_ROW, makeRecord, runRule, testContext } from '../helpers/records.js';

export type Row = Partial<Record<FieldKey, unknown>>;

/** Asset facts given as they are: the same lookups for every row of the case, and the folder's files. */
export interface GivenAssets {
  /** The assets folder as shown (default 'files'). */
  dir?: string;
  photo?: AssetLookup;
  attachment?: AssetLookup;
  files?: ListedFile[];
}

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
  /** The folder the rows' photos and PDFs are found in and inspected (default: the table's `folder`; null: files not checked). */
  folder?: (() => string) | null;
  /** Asset facts given as they are, instead of a folder. */
  assets?: GivenAssets;
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
  /** Sheet row of the finding (set rules); null for a problem of no row. */
  row?: number | null;
  /** The finding's file, relative to the case's folder when it has one (a file of the assets folder). */
  file?: string;
  /** Text the message holds, in each language given. */
  text?: { zh?: string | RegExp; en?: string | RegExp };
}

export interface InvalidCase extends Case {
  errors: Expected[];
}

export interface RuleTable {
  /** The folder every case's photos and PDFs are found in (built by the test file's beforeAll). */
  folder?: () => string;
  /** Options of the inspector (naming conventions …). */
  inspector?: Partial<AssetInspectorOptions>;
  valid: Case[];
  invalid: InvalidCase[];
}

/** AssetFacts that give every record the same lookups (`unprepared` where none is given). */
function givenFacts(a: GivenAssets): AssetFacts {
  const unprepared: AssetLookup = { status: 'unprepared' };
  return {
    dir: a.dir ?? 'files',
    forRecord: () => ({ photo: a.photo ?? unprepared, attachment: a.attachment ?? unprepared }),
    files: () => a.files ?? [],
  };
}

/** The case's findings: its rows made into records, their files inspected (real or given), the rule run through the engine. */
export async function runCase(rule: Rule, c: Case, table: Pick<RuleTable, 'folder' | 'inspector'> = {}): Promise<Finding[]> {
  const rows = c.rows ?? [c.row ?? {}];
  const records = rows.map((r, i) => makeRecord(r, { row: i + 2, omit: c.omit, numFmts: c.numFmts }));
  const base = c.ctx ? c.ctx() : testContext();
  if (c.assets) return runRule(rule, records, { ...base, assets: givenFacts(c.assets) });
  const folder = c.folder === null ? null : (c.folder ?? table.folder);
  if (!folder) return runRule(rule, records, base);
  const inspector = await createAssetInspector({ dir: folder(), ...table.inspector });
  try {
    await inspector.prepare(records);
    return runRule(rule, records, { ...base, assets: inspector.facts });
  } finally {
    await inspector.close();
  }
}

/** Runs the tables; also checks GOOD_ROW is clean, every message fills all its placeholders in both languages, and every message is tested. */
export function testRule(rule: Rule, table: RuleTable): void {
  const book = new MessageBook([rule]);
  const { valid, invalid } = table;
  describe(rule.id, () => {
    it('finds nothing on GOOD_ROW', () => {
      expect(runRule(rule, makeRecord(GOOD_ROW))).toEqual([]);
    });

    it('has unique case names', () => {
      const names = [...valid, ...invalid].map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
    });

    it('tests every message of the rule in an invalid case', () => {
      const tested = new Set(invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
      expect(Object.keys(rule.messages).filter((id) => !tested.has(id))).toEqual([]);
    });

    it.each(valid)('valid: $name', async (c) => {
      expect(await runCase(rule, c, table)).toEqual([]);
    });

    it.each(invalid)('invalid: $name', async (c) => {
      const found = await runCase(rule, c, table);
      expect(found.map((f) => f.messageId)).toEqual(c.errors.map((e) => e.messageId));
      const folder = c.assets || c.folder === null ? null : (c.folder ?? table.folder)?.();
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
        if (e.file !== undefined) expect(folder ? relative(folder, f.file) : f.file).toBe(e.file);
        for (const lang of ['zh', 'en'] as const) {
          const text = book.format(f, lang);
          expect(text, text).not.toMatch(/\{\w+\}/);
          if (rule.guide) expect(text).toContain(guideMark(rule.guide, lang));
          const want = e.text?.[lang];
          if (want !== undefined) expect(text).toMatch(typeof want === 'string' ? new RegExp(want.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : want);
        }
      });
    });
  });
}
