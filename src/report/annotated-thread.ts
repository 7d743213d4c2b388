/**
 * The annotated workbook written by a thread of its own (./xlsx/writer-worker.ts): the same sink as
 * ./annotated-sink.ts, whose work — the input's sheet streamed through, every problem formatted into notes and
 * result cells, 问题清单, compression — then runs on another core while this thread checks the next rows.
 *
 * Rows go over as plain data (`writerRow`: the findings, and the cells only for a new workbook), a few batches
 * ahead at most. The temporary file's name is chosen here and registered before the thread creates it, so a
 * signal removes it whatever the thread is doing (src/cli/signals.ts). A failure of the thread is the
 * workbook's: an InputError (output-failed) from the next call, as the writer in this thread would throw.
 */
import { fileURLToPath } from 'node:url';
import { existsSync, statSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../engine/types.js';
import { InputError } from '../errors.js';
import { messageError } from '../read/channel.js';
import { THREAD_MIN_BYTES } from '../read/threaded.js';
import type { Notice, SheetInfo } from '../read/types.js';
import { tempNameFor, trackTempFile, untrackTempFile } from '../run/atomic-file.js';
import type { RowSink, SinkInput, SinkOutcome, SinkRow } from './sink.js';
import type { CheckResult } from './types.js';
import type { AnnotatedWorkbookOptions } from './xlsx/annotated.js';
import { writerRow } from './xlsx/writer-row.js';
import type { WriterReply, WriterRequest } from './xlsx/writer-protocol.js';

const WORKER = new URL('./xlsx/writer-worker.js', import.meta.url);

/** Batches of rows sent and not yet written, at most: the thread keeps pace, and what waits stays small. */
const BATCHES_AHEAD = 4;

/**
 * The workbook of this input is written by a thread of its own: its compiled entry exists (not when running from
 * the TypeScript sources), CERT_CHECK_THREADS is not 0, and the input is large enough for the thread to pay
 * (THREAD_MIN_BYTES, as for reading; CERT_CHECK_THREADS=1: whatever its size).
 */
export function writeInThread(inputPath: string): boolean {
  const threads = process.env.CERT_CHECK_THREADS;
  if (threads === '0' || !existsSync(fileURLToPath(WORKER))) return false;
  if (threads === '1') return true;
  try {
    return statSync(inputPath).size >= THREAD_MIN_BYTES;
  } catch {
    return false;
  }
}

/** The writing thread started ahead (prewarmWriter), not yet taken. */
let warm: { worker: Worker; early: Error | null } | null = null;

/**
 * Starts the writing thread for a large input's workbook before the main thread has loaded what the check needs:
 * the thread loads the writer meanwhile. It does not keep the process alive until a workbook takes it.
 */
export function prewarmWriter(inputPath: string): void {
  if (warm || !writeInThread(inputPath)) return;
  const worker = new Worker(WORKER);
  worker.unref();
  const w = { worker, early: null as Error | null };
  worker.on('error', (err) => (w.early ??= err));
  worker.on('exit', (code) => (w.early ??= new Error(`writer thread ended (${code})`)));
  warm = w;
}

type Request = WriterRequest extends infer R ? (R extends WriterRequest ? Omit<R, 'id'> : never) : never;

export class ThreadedAnnotatedSink implements RowSink {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (e: unknown) => void }>();
  private failure: unknown = null;
  private inFlight: Promise<void>[] = [];
  private sheet: SheetInfo | null = null;
  private withValues = false;
  /** The findings sent with their rows (the rest go with `finish`). */
  private readonly sent = new WeakSet<Finding>();
  private ended = false;
  readonly notices: Notice[] = [];

  private constructor(
    private readonly worker: Worker,
    out: string,
    private readonly tempPath: string,
  ) {
    worker.on('message', (m: WriterReply) => {
      this.notices.splice(0, this.notices.length, ...m.notices);
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.error) {
        this.failure ??= messageError(m.error, 'writer thread');
        w?.reject(this.failure);
      } else w?.resolve();
    });
    const gone = (detail: string): void => {
      this.failure ??= new InputError('output-failed', { out, detail });
      for (const w of this.waiting.values()) w.reject(this.failure);
      this.waiting.clear();
    };
    worker.on('error', (err: Error) => gone(err.message));
    worker.on('exit', (code) => gone(`writer thread ended (${code})`));
  }

  /** Starts the thread and opens the workbook there; an InputError when it cannot be. */
  static async create(out: string, opts: AnnotatedWorkbookOptions): Promise<ThreadedAnnotatedSink> {
    const tempPath = tempNameFor(out);
    trackTempFile(tempPath);
    const warmed = warm;
    warm = null;
    warmed?.worker.ref();
    const sink = new ThreadedAnnotatedSink(warmed?.worker ?? new Worker(WORKER), out, tempPath);
    if (warmed?.early) sink.failure = new InputError('output-failed', { out, detail: warmed.early.message });
    const { messages, ...rest } = opts;
    try {
      await sink.call({ type: 'create', out, opts: { ...rest, tempPath }, rules: messages.texts() });
    } catch (err) {
      await sink.abort();
      throw err;
    }
    sink.withValues = opts.format !== 'xlsx';
    return sink;
  }

  private call(req: Request): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const done = new Promise<void>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.worker.postMessage({ ...req, id } as WriterRequest);
    return done;
  }

  /** Every batch sent is written (or the first failure thrown). */
  private async settle(): Promise<void> {
    const all = this.inFlight;
    this.inFlight = [];
    await Promise.all(all);
  }

  async startSheet(sheet: SheetInfo, input: SinkInput): Promise<void> {
    await this.settle();
    this.sheet = sheet;
    await this.call({ type: 'start-sheet', sheet, date1904: input.date1904 });
  }

  async addRows(rows: readonly SinkRow[]): Promise<void> {
    if (this.failure) throw this.failure;
    const batch = rows.map((r) => {
      for (const f of r.findings) this.sent.add(f);
      return writerRow(r, this.sheet, this.withValues);
    });
    const done = this.call({ type: 'rows', rows: batch });
    done.catch(() => undefined); // taken by the next settle or call
    this.inFlight.push(done);
    while (this.inFlight.length > BATCHES_AHEAD) await this.inFlight.shift();
  }

  async endSheet(sheet: SheetInfo): Promise<void> {
    await this.settle();
    await this.call({ type: 'end-sheet', merges: sheet.merges });
  }

  async finish(result: CheckResult): Promise<SinkOutcome> {
    // Posted at once, before anything is awaited: the thread takes it after the rows still queued, and finishes
    // the workbook while this thread goes on (the report is prepared meanwhile).
    const extra = result.findings.filter((f) => !this.sent.has(f));
    const done = this.call({ type: 'finish', files: result.files, startedAt: result.startedAt, extra });
    done.catch(() => undefined); // awaited below
    try {
      await this.settle();
      await done;
    } catch (err) {
      await this.abort();
      throw err;
    }
    await this.end(true);
    return {};
  }

  async abort(): Promise<void> {
    if (this.ended) return;
    await this.call({ type: 'abort' }).catch(() => undefined);
    await this.end();
  }

  /** The thread is stopped and its temporary file no longer ours to remove (renamed into place, or removed). */
  private async end(committed = false): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.worker.terminate();
    if (!committed) await unlink(this.tempPath).catch(() => undefined);
    untrackTempFile(this.tempPath);
  }
}
