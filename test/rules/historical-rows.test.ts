/**
 * Correct records of four decades must give no error, only the warnings a careful colleague would still
 * raise (a name the sheet alone cannot verify), and --fix must leave every cell of them as it is.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { Engine } from '../../src/engine/engine.js';
import { applyFixes } from '../../src/run/fixes.js';
import type { Finding } from '../../src/engine/types.js';
import { FIELD_KEYS } from '../../src/model/fields.js';
import { FULL_MAP, makeRecord, testContext } from '../helpers/records.js';
import { HISTORICAL_ROWS } from './historical-rows.js';

const records = HISTORICAL_ROWS.map((h, i) => makeRecord(h.values, { row: i + 2, omit: h.omit, numFmts: h.numFmts, base: {} }));

describe('correct historical rows', () => {
  const engine = new Engine(RULES, testContext());
  const findings: Finding[][] = records.map((r) => engine.check(r));
  const late = engine.finish();

  it('cover four decades, with and without 取得方式, 考试/初定/确认 and the 片区', () => {
    const years = records.map((r) => r.obtainDate!.y);
    expect(Math.min(...years)).toBeLessThanOrEqual(1987);
    expect(Math.max(...years)).toBeGreaterThanOrEqual(2024);
    expect(HISTORICAL_ROWS.some((h) => h.omit?.includes('method'))).toBe(true);
    expect(late).toEqual([]);
  });

  it.each(HISTORICAL_ROWS.map((h, i) => [h.note, i] as const))('%s: no error, only the warnings expected', (_note, i) => {
    const found = findings[i]!;
    const show = found.map((f) => `${f.rule}.${f.messageId} ${f.field} ${JSON.stringify(f.data)}`).join('\n');
    expect(found.filter((f) => f.severity === 'error'), show).toEqual([]);
    const warned = [...new Set(found.filter((f) => f.severity === 'warning').map((f) => f.rule))].sort();
    expect(warned, show).toEqual([...(HISTORICAL_ROWS[i]!.warnings ?? [])].sort());
  });

  it.each(HISTORICAL_ROWS.map((h, i) => [h.note, i] as const))('%s: --fix changes nothing', (_note, i) => {
    const h = HISTORICAL_ROWS[i]!;
    const record = records[i]!;
    const columns = { ...FULL_MAP.columns };
    for (const k of h.omit ?? []) delete columns[k];
    const values = FIELD_KEYS.map((k) => h.values[k] ?? null);
    const numFmts = FIELD_KEYS.map((k) => h.numFmts?.[k]);
    const result = applyFixes(new Engine(RULES, testContext()), record, values, { columns, headers: FULL_MAP.headers }, numFmts, false);
    expect(result.changes).toEqual([]);
    expect(result.values).toBe(values);
  });
});
