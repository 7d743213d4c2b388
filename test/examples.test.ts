/**
 * examples/ is what the README runs: every correct row must be clean, every planted mistake must give exactly
 * the rules its row lists, and every registered rule must show somewhere.
 */
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { ROWS } from '../examples/build-examples.js';
import { RULES } from '../rules/index.js';
import { runCheck, type RunResult } from '../src/run/check-run.js';

const root = resolve(__dirname, '..');
/** Rules the examples cannot show, and why. */
const NOT_IN_EXAMPLES: Record<string, string> = {
  'attachment-size': 'a PDF over 10 MB does not belong in the repository (test/rules/attachment-size.test.ts makes one)',
};

let result: RunResult;
beforeAll(async () => {
  result = await runCheck({
    inputs: [join(root, 'examples/records.xlsx')],
    assets: join(root, 'examples/files'),
    noOut: true,
    lang: 'zh',
    today: { y: 2026, m: 11, d: 27 },
  });
});

const FIRST_DATA_ROW = 3;

describe('examples/records.xlsx', () => {
  it('reads every row', () => {
    expect(result.failures).toEqual([]);
    expect(result.files[0]!.sheets).toEqual([{ name: '登记表', headerRow: 2, rows: ROWS.length }]);
  });

  it.each((ROWS as { expect: string[]; name: string }[]).map((r, i) => [i + FIRST_DATA_ROW, r.name, r.expect] as const))(
    'row %i (%s) gives exactly %j',
    (row, _name, expected) => {
      const rules = [...new Set(result.findings.filter((f) => f.row === row).map((f) => f.rule))].sort();
      expect(rules).toEqual([...expected].sort());
    },
  );

  it('the unused file is reported with the row it probably belongs to', () => {
    const unused = result.findings.filter((f) => f.rule === 'asset-unused-file');
    expect(unused).toHaveLength(1);
    expect(String(unused[0]!.data.file ?? unused[0]!.file)).toMatch(/\.jpg$/);
  });

  it('shows every registered rule at least once', () => {
    const shown = new Set(result.findings.map((f) => f.rule));
    const missing = RULES.map((r) => r.id).filter((id) => !shown.has(id) && !NOT_IN_EXAMPLES[id]);
    expect(missing).toEqual([]);
  });
});
