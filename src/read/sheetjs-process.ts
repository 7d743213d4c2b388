/**
 * An .xls/.et or .ods is parsed whole by SheetJS, so it is read in a process of its own
 * (./sheetjs-child.ts), always: never in cert-check's own process, nor on a worker thread of it. A worker
 * thread's `resourceLimits` do not hold: one large allocation aborts the whole process (SIGABRT and a native
 * stack trace, nodejs/node#47224), and a heap size given to the process (--max-old-space-size, also through
 * NODE_OPTIONS, as CI jobs set it) takes the place of the thread's limit.
 *
 * The child gets a heap cap sized to the file (`wholeParseLimits`) as its own --max-old-space-size, and no
 * heap flag of ours or of NODE_OPTIONS; it may take READ_TIMEOUT_S to answer each time it is waited on (the
 * parse, then each batch); its stdout is ignored and its stderr read here, so that a native crash prints
 * nothing on the clerk's terminal. Any end of the child before its end message is one InputError: too large
 * (its heap was full, or the system killed it), took too long, or damaged (any other crash). The run goes on
 * with the next input.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import { atExit } from '../run/exit-tasks.js';
import { Inbox, readyReader, type ReaderMessage } from './channel.js';
import { READ_TIMEOUT_S } from './limits.js';
import type { ChildRequest } from './sheetjs-child.js';
import type { InputReader, ReadOptions } from './types.js';

/** What `wholeParseKind` (./sniff.ts) saw: the format, and the bytes the parser will hold. */
export interface WholeParseKind {
  format: 'xls' | 'ods';
  bytes: number;
}

/**
 * The reading process's heap cap (SheetJS keeps 300–450 bytes per cell: a 20 MB .xls of 1.2 million cells
 * holds ~570 MB): 256 MB plus 48 MB per MB of .xls, or plus 8 MB per MB of an .ods's content.xml (LibreOffice
 * writes ~130 bytes of XML per cell), at most 4 GB. CERT_CHECK_READER_HEAP_MB sets it by hand.
 */
export function wholeParseLimits(kind: WholeParseKind): { maxOldGenerationSizeMb: number } {
  const override = Number(process.env.CERT_CHECK_READER_HEAP_MB);
  if (Number.isInteger(override) && override > 0) return { maxOldGenerationSizeMb: override };
  const mb = kind.bytes / 2 ** 20;
  return { maxOldGenerationSizeMb: Math.min(4096, Math.ceil(256 + (kind.format === 'xls' ? 48 : 8) * mb)) };
}

/** Seconds the reading process may take to answer (CERT_CHECK_READ_TIMEOUT_S sets it). */
export function readTimeoutSeconds(): number {
  const s = Number(process.env.CERT_CHECK_READ_TIMEOUT_S);
  return Number.isFinite(s) && s > 0 ? s : READ_TIMEOUT_S;
}

/**
 * The compiled child: beside this module when running from dist/, else (running from the TypeScript
 * sources, as the tests do) the one `npm run build` put in dist/.
 */
function childFile(): string | null {
  for (const rel of ['./sheetjs-child.js', '../../dist/src/read/sheetjs-child.js']) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(file)) return file;
  }
  return null;
}

/** V8 heap-size flags: the child's cap must be the only one. */
const HEAP_FLAG = /^--max[-_](old[-_]space|semi[-_]space|heap)[-_]size(=|$)/;

/** NODE_OPTIONS without its heap-size flags (`--max-old-space-size=4096`, `--max-old-space-size 4096`…). */
export function withoutHeapFlags(nodeOptions: string): string {
  const tokens = nodeOptions.match(/(?:[^\s"]+|"[^"]*")+/g) ?? [];
  const kept: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const m = HEAP_FLAG.exec(tokens[i]!);
    if (!m) kept.push(tokens[i]!);
    else if (m[2] === '' && /^\d/.test(tokens[i + 1] ?? '')) i++; // the value as a token of its own
  }
  return kept.join(' ');
}

/** The child's environment: ours, with the heap flags taken out of NODE_OPTIONS (a --require stays). */
export function childEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out = { ...env };
  if (out.NODE_OPTIONS !== undefined) {
    const opts = withoutHeapFlags(out.NODE_OPTIONS);
    if (opts) out.NODE_OPTIONS = opts;
    else delete out.NODE_OPTIONS;
  }
  return out;
}

/** What a child's stderr says when V8 ran out of heap (or was asked for more than it can give at once). */
const OUT_OF_MEMORY = /out of memory|allocation failed|invalid (array|table|string) (length|size)|invalid size error/i;

/** Why the child ended before its end message, as the sentence for the clerk. */
export function deathError(
  path: string,
  how: { format: 'xls' | 'ods'; heapMb: number; seconds: number; timedOut: boolean; code: number | null; signal: NodeJS.Signals | null; stderr: string },
): InputError {
  if (how.timedOut) return new InputError('read-timeout', { path, seconds: how.seconds });
  if (OUT_OF_MEMORY.test(how.stderr)) return new InputError('too-large', { path, detail: `heap > ${how.heapMb} MB` });
  // The system's out-of-memory killer ends a process with SIGKILL (so does a container's memory limit).
  if (how.signal === 'SIGKILL') return new InputError('too-large', { path, detail: 'the reading process was killed (SIGKILL), as when memory runs out' });
  const detail = `the reading process stopped: ${how.signal ?? `exit code ${how.code}`}`;
  return new InputError(how.format === 'xls' ? 'corrupt-xls' : 'corrupt-xlsx', { path, detail });
}

/** Who wants to hear of new reading processes (tests). */
const watchers = new Set<(child: ChildProcess) => void>();

/**
 * Reading processes alive: ended when this process exits, even one busy in a parse that would not hear the
 * disconnect (the command line runs the exit tasks, src/run/exit-tasks.ts).
 */
const alive = new Set<ChildProcess>();
let exitTask = false;
function track(child: ChildProcess): void {
  alive.add(child);
  child.once('exit', () => alive.delete(child));
  if (exitTask) return;
  exitTask = true;
  atExit(() => {
    for (const c of alive) c.kill('SIGKILL');
  });
}

/** Calls `fn` with each reading process as it starts (for tests: to end one mid-parse); returns the unsubscribe. */
export function watchReadingProcesses(fn: (child: ChildProcess) => void): () => void {
  watchers.add(fn);
  return () => watchers.delete(fn);
}

/** The end of stderr kept to tell an out-of-memory end from other crashes. */
const STDERR_TAIL = 4096;

/**
 * Opens an .xls/.et or .ods in a reading process of its own; rejects with the InputError openInput would
 * give, or with the one its end gives (see `deathError`).
 */
export async function openInputInProcess(path: string, options: ReadOptions, kind: WholeParseKind): Promise<InputReader> {
  const file = childFile();
  if (!file) throw new Error('the reading process is missing (dist/src/read/sheetjs-child.js): run npm run build');
  const heapMb = wholeParseLimits(kind).maxOldGenerationSizeMb;
  const seconds = readTimeoutSeconds();
  const child = fork(file, [], {
    // Only this cap: not the parent's own --max-old-space-size (nor any other flag of the parent, such as --inspect).
    execArgv: [`--max-old-space-size=${heapMb}`],
    env: childEnv(),
    serialization: 'advanced', // Dates and the {error} cells come through as they are
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  track(child);
  for (const fn of watchers) fn(child);

  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr = (stderr + c).slice(-STDERR_TAIL)));
  let timedOut = false;
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  /** The child keeps this process alive only while it is waited on. */
  const hold = (busy: boolean): void => {
    const handles = [child, child.channel, child.stderr] as ({ ref?(): void; unref?(): void } | null | undefined)[];
    for (const h of handles) (busy ? h?.ref : h?.unref)?.call(h);
  };
  const inbox = new Inbox((waiting) => {
    hold(waiting);
    if (timer) clearTimeout(timer);
    timer = waiting
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, seconds * 1000)
      : null;
  });
  child.on('message', (m: ReaderMessage) => inbox.push(m));
  child.on('error', (err: NodeJS.ErrnoException) => {
    if (!stopping) inbox.fail(new InputError('read-failed', { path, detail: `the reading process failed (${err.code ?? err.message})` }));
  });
  // Its end, once its stderr is read to the end too (not 'close': that never comes after disconnect()).
  const stderrRead = new Promise<void>((resolve) => (child.stderr ? child.stderr.on('close', resolve) : resolve()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stopped: boolean }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, stopped: stopping }));
  });
  const closed = Promise.all([ended, stderrRead]).then(([{ code, signal, stopped }]) => {
    inbox.fail(stopped ? new Error('the reading process was stopped') : deathError(path, { format: kind.format, heapMb, seconds, timedOut, code, signal, stderr }));
  });
  const tell = (m: ChildRequest): void => {
    if (child.connected) child.send(m, undefined, undefined, () => {});
  };

  let stopped: Promise<void> | null = null;
  /** The child is done (or no longer wanted): let it go, once, and wait for its end (SIGKILL if it lingers). */
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      stopping = true;
      if (timer) clearTimeout(timer);
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      hold(true);
      // Disconnected, the child ends itself (and a --require'd exit hook still runs there).
      if (child.connected) child.disconnect();
      else child.kill('SIGKILL');
      const kill = setTimeout(() => child.kill('SIGKILL'), 2000);
      await closed;
      clearTimeout(kill);
    })());

  tell({ type: 'open', path, options, heapMb });
  return readyReader(inbox, 'the reading process', () => tell({ type: 'credit' }), stop);
}
