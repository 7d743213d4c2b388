/**
 * The npm package as a user gets it: `npm pack` on a copy of the repository (its prepack builds dist/), the
 * tarball installed globally into a temporary prefix from the packages `npm ci` already put in npm's cache
 * (--prefer-offline: this test makes no network request of its own when the cache holds them), then every
 * command run from a folder that has nothing to do with the repository.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.js';

const WIN = process.platform === 'win32';
const NPM = WIN ? 'npm.cmd' : 'npm';
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  devDependencies: Record<string, string>;
};

/** What the copy of the repository leaves out: what `npm ci`, a build or a test run makes. */
const NOT_COPIED = new Set(['node_modules', 'dist', '.git', 'coverage', '.bench', join('test', '.tmp')]);

/**
 * The environment for npm: the caller's, without what `npm test` adds for its own run (npm_package_*,
 * npm_lifecycle_*, npm_config_prefix, npm_config_local_prefix, …), which would point npm at the repository.
 * Settings that say where packages come from (cache, registry, certificates, proxies, config files) stay.
 */
function npmEnv(): NodeJS.ProcessEnv {
  const keep = /^npm_config_(cache|registry|userconfig|globalconfig|cafile|ca|strict_ssl|proxy|https_proxy|noproxy|nodedir)$/i;
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) || keep.test(k)) env[k] = v;
  return { ...env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
}

function run(cmd: string, args: string[], cwd: string, timeout = 240_000): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, env: npmEnv(), encoding: 'utf8', timeout, shell: WIN && cmd.endsWith('.cmd') });
  if (r.error) throw r.error;
  return r;
}

let tmp: string;
let packed: { filename: string; files: { path: string }[] };
let installLog: string;
/** The installed package's folder, its command and a folder unrelated to the repository. */
let installedDir: string;
let command: string;
let elsewhere: string;

function cli(args: string[]): SpawnSyncReturns<string> {
  return WIN
    ? run(process.execPath, [join(installedDir, 'bin', 'cert-check.js'), ...args], elsewhere, 120_000)
    : run(command, args, elsewhere, 120_000);
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'cert-check-install-'));
  // A copy as a fresh clone has it, with the repository's node_modules for the build that prepack runs.
  const copy = join(tmp, 'clone');
  cpSync(REPO_ROOT, copy, {
    recursive: true,
    filter: (src) => {
      const rel = relative(REPO_ROOT, src);
      return !NOT_COPIED.has(rel) && !rel.endsWith('.tgz');
    },
  });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'), WIN ? 'junction' : 'dir');

  const pack = run(NPM, ['pack', '--json', '--pack-destination', tmp], copy);
  expect(pack.status, pack.stderr).toBe(0);
  // stdout: the prepack script's lines, then the JSON array.
  packed = (JSON.parse(pack.stdout.slice(pack.stdout.search(/^\[/m))) as (typeof packed)[])[0]!;

  elsewhere = join(tmp, 'somewhere else');
  mkdirSync(elsewhere);
  const prefix = join(tmp, 'prefix');
  const install = run(NPM, ['install', '--global', '--prefix', prefix, '--prefer-offline', join(tmp, packed.filename)], elsewhere);
  installLog = install.stdout + install.stderr;
  expect(install.status, installLog).toBe(0);
  installedDir = WIN ? join(prefix, 'node_modules', pkg.name) : join(prefix, 'lib', 'node_modules', pkg.name);
  command = WIN ? join(prefix, 'cert-check.cmd') : join(prefix, 'bin', 'cert-check');
}, 600_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('holds the compiled code, the launcher, data/, README and licence, and nothing else', () => {
    const paths = packed.files.map((f) => f.path).sort();
    const allowed = /^(package\.json|README\.md|LICENSE|bin\/[^/]+\.js|data\/[^/]+|dist\/(src|rules)\/.+\.js)$/;
    expect(paths.filter((p) => !allowed.test(p))).toEqual([]);
    for (const must of ['bin/cert-check.js', 'dist/src/cli/main.js', 'dist/src/read/worker.js', 'dist/src/assets/pdf-worker.js', 'dist/rules/index.js', 'data/titles.tsv', 'data/committees.json', 'LICENSE', 'README.md']) {
      expect(paths).toContain(must);
    }
  });

  it('ships every compiled module of src/ and rules/ (prepack built dist/ in the copy)', () => {
    const paths = new Set(packed.files.map((f) => f.path));
    const sources = [...listTs(join(REPO_ROOT, 'src')), ...listTs(join(REPO_ROOT, 'rules'))];
    expect(sources.length).toBeGreaterThan(100);
    expect(sources.map((p) => `dist/${p.replace(/\.ts$/, '.js')}`).filter((p) => !paths.has(p))).toEqual([]);
  });
});

describe('npm install --global <tarball>', () => {
  it('installs the run-time dependencies only, and asks for no install script', () => {
    // (Deprecation notices of exceljs's own dependencies may show on a registry that sends them: DEVELOPERS.md.)
    expect(installLog).not.toMatch(/install-scripts|EBADENGINE|ERESOLVE|peer dep/i);
    const modules = join(installedDir, 'node_modules');
    // Dev dependencies that no run-time package needs (exceljs's fast-csv 4 wants an @types/node of its own).
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const runtime = new Set(Object.entries(lock.packages).filter(([, v]) => !v.dev).map(([k]) => k.replace(/^.*node_modules\//, '')));
    const devOnly = Object.keys(pkg.devDependencies).filter((d) => !runtime.has(d));
    expect(devOnly).toContain('vitest');
    for (const dev of devOnly) expect(existsSync(join(modules, dev)), dev).toBe(false);
    for (const dep of ['exceljs', 'sharp', 'pdfjs-dist', 'commander']) expect(existsSync(join(modules, dep)), dep).toBe(true);
    expect(existsSync(join(installedDir, 'src'))).toBe(false);
    expect(existsSync(join(installedDir, 'test'))).toBe(false);
  });

  it('--version and --help', () => {
    const v = cli(['--version']);
    expect(v.status, v.stderr).toBe(0);
    expect(v.stdout.trim()).toBe(pkg.version);
    const h = cli(['--help']);
    expect(h.status, h.stderr).toBe(0);
    expect(h.stdout).toContain('Usage: cert-check');
    expect(h.stdout).toContain('template');
  });

  it('template writes the blank workbook into the working folder', () => {
    const r = cli(['template']);
    expect(r.status, r.stderr).toBe(0);
    const file = join(elsewhere, '职称电子证书登记模板.xlsx');
    expect(r.stdout).toContain(basename(file));
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('committees and rules read data/ from the installed package', () => {
    const c = cli(['committees', '建设副高评委会']);
    expect(c.status, c.stderr).toBe(0);
    expect(c.stdout).toContain('重庆市工程技术建设专业副高级职称评审委员会');
    const r = cli(['rules']);
    expect(r.status, r.stderr).toBe(0);
    for (const id of ['approval-no-format', 'committee-name', 'photo-size', 'title-series-level']) expect(r.stdout).toContain(id);
  });

  it('checks the examples as the repository does: the same JSON report, exit 1, the annotated workbook', () => {
    cpSync(join(REPO_ROOT, 'examples', 'records.xlsx'), join(elsewhere, 'records.xlsx'));
    cpSync(join(REPO_ROOT, 'examples', 'files'), join(elsewhere, 'files'), { recursive: true });
    const args = ['records.xlsx', '--assets', 'files', '--format', 'json'];
    const installed = cli(args);
    expect(installed.status, installed.stderr).toBe(1);
    expect(installed.stderr).toBe('');
    expect(readFileSync(join(elsewhere, 'records.checked.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
    const report = JSON.parse(installed.stdout) as Report;
    expect(report.summary.rows).toBeGreaterThan(40);
    expect(report.summary.errors).toBeGreaterThan(0);
    expect(report.files.map((f) => basename(f.annotated ?? ''))).toEqual(['records.checked.xlsx']);

    const repo = run(process.execPath, [join(REPO_ROOT, 'bin', 'cert-check.js'), ...args, '--no-out'], elsewhere, 120_000);
    expect(repo.status, repo.stderr).toBe(1);
    const expected = JSON.parse(repo.stdout) as Report;
    // The same report but for what was written: the installed run wrote the annotated workbook, --no-out did not.
    for (const f of [...report.files, ...expected.files]) f.annotated = null;
    for (const r of [report, expected]) {
      delete r.outputs;
      delete r.summary.outputsWritten;
    }
    expect(report).toEqual(expected);
  });
});

interface Report {
  summary: { rows: number; errors: number; outputsWritten?: number };
  files: { annotated: string | null }[];
  problems: unknown[];
  outputs?: unknown[];
}

/** The .ts files under a folder, as paths relative to the repository with forward slashes. */
function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTs(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(relative(REPO_ROOT, full).split(sep).join('/'));
  }
  return out;
}
