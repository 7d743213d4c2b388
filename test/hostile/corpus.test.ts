/**
 * Every hostile or broken input ends, through the real CLI, in either a correct report (exit 0/1,
 * one JSON document) or a refusal (exit 2, one Chinese sentence on stderr, and the one JSON document listing
 * the input with that sentence as its error), within seconds and a 512 MB heap, never with a stack trace. Also every file of the exceljs test corpus (real files nobody here made).
 * The .xls/.ods cases (./formats.ts) are read in a process of their own: there the peak memory of the whole
 * run (the CLI and its reading process) is measured too.
 */
import { EXCELJS_CORPUS } from '../helpers/paths.js';
import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES, type JsonReport } from './build-corpus.js';
import { expectJsonRefusal, expectReport, runCli, tempDir } from './cli.js';
import { FORMAT_CASES } from './formats.js';
import { runCliMeasured } from './measure.js';

const dir = tempDir('hostile');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Peak memory of the whole run of an .xls/.ods case: the CLI's peak plus its reading process's (whose heap cap
 * for these small files is 256–270 MB). Measured: 170–280 MB, within 2.2 s.
 */
const FORMAT_TREE_LIMIT_MB = 512;

describe('hostile corpus through the CLI', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const input = await c.build(dir);
    const out = join(dir, `${c.name.replace(/\W+/g, '_')}.checked.xlsx`);
    const args = [input, '--format', 'json', '--no-assets', '-o', out, ...(c.args ?? [])];
    // The .xls/.ods cases are read in a process of their own: the memory of the whole run is measured.
    const format = FORMAT_CASES.includes(c);
    const r = format ? await runCliMeasured(args, { timeoutMs: 30_000 }) : await runCli(args, { timeoutMs: 30_000 });
    if ('treePeakMb' in r) {
      // A file whose container is refused before any parse (a zip cut short) starts no reading process.
      expect(r.childPeaksMb.length).toBeLessThanOrEqual(1);
      expect(r.treePeakMb, `peaks ${r.peakMb} + ${r.childPeaksMb.join(' + ')} MB`).toBeLessThan(FORMAT_TREE_LIMIT_MB);
      expect(r.ms).toBeLessThan(30_000);
    }
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
