/**
 * The split of the suite (vitest.config.ts): `npm run test:unit` builds nothing, so a test file that runs the
 * compiled launcher (bin/cert-check.js → dist/) or another process must be in the e2e project; and every
 * pattern of the e2e list still names a test file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E_TESTS } from '../vitest.config.js';
import { REPO_ROOT } from './helpers/paths.js';

/** A glob of the config (`dir/**\/*.test.ts` or a path) as a regular expression over repository paths. */
function globRegex(glob: string): RegExp {
  const parts = glob.split('/');
  const body = parts
    .map((part, i) => {
      if (part === '**') return '(?:[^/]+/)*';
      const text = part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
      return i === parts.length - 1 ? text : `${text}/`;
    })
    .join('');
  return new RegExp(`^${body}$`);
}

function testFiles(dir = join(REPO_ROOT, 'test')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === '.tmp' ? [] : testFiles(full);
    return e.name.endsWith('.test.ts') ? [relative(REPO_ROOT, full).split(sep).join('/')] : [];
  });
}

const e2e = E2E_TESTS.map(globRegex);
const isE2e = (path: string): boolean => e2e.some((r) => r.test(path));

describe('vitest projects', () => {
  it('reads the e2e patterns as vitest does', () => {
    expect(isE2e('test/cli/cli.test.ts')).toBe(true);
    expect(isE2e('test/cli/deeper/x.test.ts')).toBe(true);
    expect(isE2e('test/examples.test.ts')).toBe(true);
    expect(isE2e('test/rules/id-number.test.ts')).toBe(false);
    expect(isE2e('test/assets/inspector.test.ts')).toBe(false);
  });

  it('every e2e pattern names at least one test file', () => {
    const files = testFiles();
    expect(files.length).toBeGreaterThan(50);
    expect(E2E_TESTS.filter((glob) => !files.some((f) => globRegex(glob).test(f)))).toEqual([]);
  });

  it('a test file that starts another process (the launcher, npm) is an e2e test', () => {
    const spawning = testFiles().filter((f) => f !== 'test/suite.test.ts' && /\b(spawnSync|spawn|execFileSync|execFile|execSync|fork)\(|bin\/cert-check/.test(readFileSync(join(REPO_ROOT, f), 'utf8')));
    expect(spawning.length).toBeGreaterThan(5);
    expect(spawning.filter((f) => !isE2e(f))).toEqual([]);
  });
});
