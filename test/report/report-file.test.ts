/** --report-file: written atomically (temporary file beside it, renamed), folders made, bad targets refused. */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { planGuard } from '../../src/cli/outputs.js';
import { writeReportFile } from '../../src/report/report-file.js';
import { makeTempDir } from '../read/files.js';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

describe('writeReportFile', () => {
  it('writes every piece, making missing folders, and leaves no temporary file', async () => {
    const target = join(tmp.dir, 'ci', 'out', 'report.json');
    await writeReportFile(target, ['{', '"a": 1', '}\n']);
    expect(readFileSync(target, 'utf8')).toBe('{"a": 1}\n');
    expect(readdirSync(join(tmp.dir, 'ci', 'out'))).toEqual(['report.json']);
  });

  it('replaces an old report only when the new one is complete', async () => {
    const target = join(tmp.dir, 'old.txt');
    writeFileSync(target, 'old report');
    function* failing(): Generator<string> {
      yield 'half of the new ';
      throw new Error('reporter broke');
    }
    await expect(writeReportFile(target, failing())).rejects.toBeInstanceOf(InputError);
    expect(readFileSync(target, 'utf8')).toBe('old report');
    expect(readdirSync(tmp.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    await writeReportFile(target, ['new report']);
    expect(readFileSync(target, 'utf8')).toBe('new report');
  });

  it('says output-failed when the folder cannot be written', async () => {
    if (process.getuid?.() === 0) return; // root writes anywhere: nothing to refuse
    const locked = join(tmp.dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const err = await writeReportFile(join(locked, 'r.json'), ['x']).catch((e: unknown) => e);
    expect((err as InputError).id).toBe('output-failed');
  });

  it('says output-failed when a file stands where its folder should be', async () => {
    writeFileSync(join(tmp.dir, 'afile'), '');
    const err = await writeReportFile(join(tmp.dir, 'afile', 'r.json'), ['x']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).id).toBe('output-failed');
  });
});

describe('--report-file in the output guard (src/cli/outputs.ts → src/run/output-guard.ts)', () => {
  const input = join(tmp.dir, 'records.xlsx');
  writeFileSync(input, 'x');
  const plan = (reportFile: string, out?: string) => ({
    files: [input], outputs: new Map([[input, out ?? null]]), assetsDir: null, folder: null,
  });
  const idOf = (fn: () => void): string | undefined => {
    try {
      fn();
    } catch (e) {
      return (e as InputError).id;
    }
    return undefined;
  };

  it('refuses a folder, an input (also through a link) and another output of the run', () => {
    const folder = join(tmp.dir, 'folder');
    mkdirSync(folder);
    expect(idOf(() => planGuard({ reportFile: folder }, []).check(plan(folder)))).toBe('output-not-file');
    expect(idOf(() => planGuard({ reportFile: input }, []).check(plan(input)))).toBe('output-is-input');
    symlinkSync(input, join(tmp.dir, 'link.xlsx'));
    const link = join(tmp.dir, 'link.xlsx');
    expect(idOf(() => planGuard({ reportFile: link }, []).check(plan(link)))).toBe('output-is-input');
    const x = join(tmp.dir, 'x.xlsx');
    expect(idOf(() => planGuard({ reportFile: x, out: x }, []).check(plan(x, x)))).toBe('output-clash');
  });

  it('accepts a new file beside the input, in a folder it makes', () => {
    const report = join(tmp.dir, 'ci', 'report.json');
    expect(idOf(() => planGuard({ reportFile: report }, []).check(plan(report)))).toBeUndefined();
    expect(existsSync(report)).toBe(false);
  });
});
