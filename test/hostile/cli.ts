/** Runs the real CLI (bin/cert-check.js → dist/) in a child process with bounded time and heap. */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { tempDirSync } from '../helpers/temp.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin/cert-check.js');
/** The child's V8 heap limit: every hostile case must end within it. */
export const HEAP_MB = 512;

export interface CliRun {
  /** The CLI's process id (the launcher's node; with a prefix, the prefix's, which execs node). */
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function tempDir(prefix: string): string {
  return tempDirSync(`cert-check-${prefix}-`);
}

export interface RunOptions {
  cwd?: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  nodeArgs?: string[];
  /** A command the CLI runs under (e.g. `unshare -r -m sh -c '…; exec "$0" "$@"'`): node and its arguments follow. */
  prefix?: string[];
  /** Run as this user and group (only root may; see fs-env.ts). */
  uid?: number;
  gid?: number;
}

export function runCli(args: string[], opts: RunOptions = {}): Promise<CliRun> {
  return new Promise((res, rej) => {
    const t0 = performance.now();
    const node = [process.execPath, `--max-old-space-size=${HEAP_MB}`, ...(opts.nodeArgs ?? []), BIN, ...args];
    const [cmd, ...cmdArgs] = opts.prefix ? [...opts.prefix, ...node] : node;
    const child = spawn(cmd!, cmdArgs, {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: opts.timeoutMs ?? 30_000,
      killSignal: 'SIGKILL',
      ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid ?? opts.uid } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', rej);
    child.on('close', (code, signal) => res({ pid: child.pid ?? 0, code, signal, stdout, stderr, ms: performance.now() - t0 }));
  });
}

/** No stack trace, no error dump, no V8 out-of-memory report. */
export function expectNoTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at /m);
  expect(text).not.toMatch(/\b(Type|Range|Reference|Syntax)?Error: /);
  expect(text).not.toMatch(/heap out of memory|FATAL ERROR|node:internal/);
}

/**
 * Exit 2 with exactly one non-empty Chinese sentence on stderr; on stdout nothing, or (with --format json)
 * exactly one JSON document that lists every input with its error and no problems.
 */
export function expectRefusal(r: CliRun, says?: RegExp): void {
  expect(r.signal, r.stderr.slice(-2000)).toBeNull();
  expect(r.code, r.stderr.slice(-2000)).toBe(2);
  expectNoTrace(r.stderr);
  const lines = r.stderr.split('\n').filter((l) => l.trim());
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^cert-check: .*[\u4e00-\u9fff].*[。！？]$/u);
  if (says) expect(lines[0]).toMatch(says);
  if (r.stdout === '') return;
  const doc = JSON.parse(r.stdout) as { files: { error?: string }[]; problems: unknown[] };
  expect(doc.problems).toEqual([]);
  expect(doc.files.length).toBeGreaterThan(0);
  for (const f of doc.files) expect(lines[0]).toContain(f.error);
}

/**
 * An input that cannot be read, with --format json: exit 2, the one sentence on stderr, and on stdout still
 * exactly one JSON document (the contract), listing every input with that sentence as its `error` and no
 * problems.
 */
export function expectJsonRefusal(r: CliRun, says?: RegExp): void {
  expect(r.signal, r.stderr.slice(-2000)).toBeNull();
  expect(r.code, r.stderr.slice(-2000)).toBe(2);
  expectNoTrace(r.stderr);
  const lines = r.stderr.split('\n').filter((l) => l.trim());
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^cert-check: .*[\u4e00-\u9fff].*[。！？]$/u);
  if (says) expect(lines[0]).toMatch(says);
  const doc = JSON.parse(r.stdout) as { files: { error?: string }[]; problems: unknown[]; summary: { files: number } };
  expect(doc.summary.files).toBe(0);
  expect(doc.problems).toEqual([]);
  expect(doc.files.length).toBeGreaterThan(0);
  for (const f of doc.files) expect(lines[0]).toContain(f.error);
}

/** Exit 0/1 with one JSON document on stdout. */
export function expectReport<T = unknown>(r: CliRun): T {
  expect(r.signal, r.stderr.slice(-2000)).toBeNull();
  expect([0, 1], r.stderr.slice(-2000)).toContain(r.code);
  expectNoTrace(r.stderr);
  return JSON.parse(r.stdout) as T;
}
