/**
 * Every hostile or broken input ends, through the real CLI, in either a correct report (exit 0/1,
 * one JSON document) or a refusal (exit 2, one Chinese sentence on stderr, and the one JSON document listing
 * the input with that sentence as its error), within seconds and a 512 MB heap, never with a stack trace. Also every file of the exceljs test corpus (real files nobody here made).
 */
import { EXCELJS_CORPUS } from '../helpers/paths.js';
import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES, type JsonReport } from './build-corpus.js';
import { expectJsonRefusal, expectReport, runCli, tempDir } from './cli.js';

const dir = tempDir('hostile');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hostile corpus through the CLI', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const input = await c.build(dir);
    const out = join(dir, `${c.name.replace(/\W+/g, '_')}.checked.xlsx`);
    const r = await runCli([input, '--format', 'json', '--no-assets', '-o', out, ...(c.args ?? [])], { timeoutMs: 30_000 });
    if (c.expect === 'refuse') {
      expectJsonRefusal(r, c.says);
      expect(existsSync(out)).toBe(false);
    } else {
      const report = expectReport<JsonReport>(r);
      expect(report.version).toBe(1);
      expect(existsSync(out)).toBe(true);
      await c.check?.(report, out);
    }
  }, 60_000);
});

const CORPUS = EXCELJS_CORPUS;
const SPEC = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => /\.(xlsx|csv)$/i.test(f)).sort() : [];

it('finds the exceljs corpus in the repository (test/fixtures/exceljs-spec)', () => {
  expect(SPEC.length).toBeGreaterThan(30);
});

describe('exceljs test corpus through the CLI', () => {
  let copies = '';
  beforeAll(() => {
    copies = tempDir('spec');
  });
  afterAll(() => rmSync(copies, { recursive: true, force: true }));

  it.each(SPEC)('%s', async (name) => {
    // The corpus is read-only and the default output goes beside the input: check a copy.
    const input = join(copies, name);
    copyFileSync(join(CORPUS, name), input);
    const r = await runCli([input, '--format', 'json', '--no-assets'], { timeoutMs: 20_000 });
    expect(r.ms).toBeLessThan(20_000);
    if (r.code === 2) expectJsonRefusal(r);
    else {
      const report = expectReport<JsonReport>(r);
      expect(report.files.length).toBe(1);
    }
  }, 30_000);
});
