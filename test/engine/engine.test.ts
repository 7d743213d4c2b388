/**
 * The engine's per-row loop (its hot path: every rule on every row) keeps the guard's promises: findings in rule
 * order with their cell, a rule that throws or reports an unknown message adds none of its findings but one
 * `crashed` finding after the row's others, and the next rows are checked as if nothing happened.
 */
import { describe, expect, it } from 'vitest';
import { rowRule, setRule } from '../../src/engine/define.js';
import { Engine } from '../../src/engine/engine.js';
import type { RuleReport } from '../../src/engine/types.js';
import { makeRecord, testContext } from '../helpers/records.js';

const base = { description: { zh: 'd', en: 'd' }, severity: 'warning' as const, fields: ['name' as const], messages: { m: { zh: 'x', en: 'x' }, e: { zh: 'y', en: 'y', severity: 'error' as const } } };
const reports = (...r: RuleReport[]) => rowRule({ ...base, id: `r${r.length}`, check: () => r });

describe('Engine.check', () => {
  it('gives every report of every rule in rule order, located and with its severity', () => {
    const engine = new Engine([
      rowRule({ ...base, id: 'a', check: () => [{ messageId: 'm', field: 'name' }, { messageId: 'e', field: 'certNo', suggestion: 'S' }] }),
      rowRule({ ...base, id: 'b', check: () => [] }),
      rowRule({ ...base, id: 'c', check: () => [{ messageId: 'm', field: null, data: { k: 1 } }] }),
    ], testContext());
    const out = engine.check(makeRecord({ name: '张三' }));
    expect(out.map((f) => [f.rule, f.messageId, f.severity, f.column, f.value, f.suggestion, f.data])).toEqual([
      ['a', 'm', 'warning', 'A', '张三', null, {}],
      ['a', 'e', 'error', expect.any(String), expect.any(String), 'S', {}],
      ['c', 'm', 'warning', null, null, null, { k: 1 }],
    ]);
  });

  it('drops every finding of a rule that throws or reports an unknown message, and adds one crashed finding last', () => {
    let calls = 0;
    const flaky = rowRule({ ...base, id: 'flaky', check: () => { if (calls++ === 0) throw new Error('boom'); return [{ messageId: 'm', field: 'name' }]; } });
    const unknown = rowRule({ ...base, id: 'unknown', check: () => [{ messageId: 'm', field: 'name' }, { messageId: 'nope', field: 'name' }] });
    const engine = new Engine([flaky, reports({ messageId: 'm', field: 'name' }), unknown], testContext());
    const first = engine.check(makeRecord({}));
    expect(first.map((f) => `${f.rule}:${f.messageId}`)).toEqual(['r1:m', 'flaky:crashed', 'unknown:crashed']);
    expect(first[1]!.data).toEqual({ error: 'boom' });
    expect(String(first[2]!.data.error)).toMatch(/nope/);
    // The next row: the flaky rule works again, the crashes of the first row are not repeated.
    expect(engine.check(makeRecord({})).map((f) => `${f.rule}:${f.messageId}`)).toEqual(['flaky:m', 'r1:m', 'unknown:crashed']);
  });

  it('runs set rules through their state; one whose start threw is a crashed finding with the first row, then nothing', () => {
    const counting = setRule({ ...base, id: 'seen', start: () => { let n = 0; return { check: () => (++n > 1 ? [{ messageId: 'm', field: 'name' }] : []) }; } });
    const broken = setRule({ ...base, id: 'broken', start: () => { throw new Error('no start'); } });
    const engine = new Engine([counting, broken], testContext());
    expect(engine.check(makeRecord({})).map((f) => `${f.rule}:${f.messageId}:${f.row}`)).toEqual(['broken:crashed:null']);
    expect(engine.check(makeRecord({})).map((f) => `${f.rule}:${f.messageId}`)).toEqual(['seen:m']);
    expect(engine.finish()).toEqual([]);
  });
});
