/**
 * The inspection threads (issue #20): photos and PDFs are read and inspected (src/assets/probe.ts) on worker
 * threads, one per core, while the main thread reads rows, runs the rules and writes the workbook. Jobs go out
 * and results come back in batches (one message carries many files: a message costs more than a small photo's
 * reading), a bounded number in flight per thread.
 *
 * Bounded like the rest: each thread has a capped heap, and a batch that takes longer than BATCH_TIME_LIMIT_MS
 * ends its thread; its files are then handed back as `fallback` (the reasons say so), so that sharp and the PDF
 * process — with their own limits — judge them, and the next batches get a new thread. The small readers
 * allocate nothing their input does not bound, so neither limit should ever be reached.
 *
 * `threads: 0` (or CERT_CHECK_THREADS=0) inspects in the main thread instead, with the same code.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ASYNC_IO, probe, type ProbeJob, type ProbeResult } from './probe.js';

/** Files sent to a thread in one message, at most. */
const BATCH = 32;
/** Files in flight per thread (sent, not answered). */
const IN_FLIGHT = 96;
/** A batch taking longer than this ends its thread (its files go to the fallbacks). */
export const BATCH_TIME_LIMIT_MS = 20_000;
/** Heap of an inspection thread. */
const THREAD_HEAP_MB = 64;

/** The compiled thread module: beside this one in dist/, else (tests running the sources) the one in dist/. */
function threadFile(): string | null {
  for (const rel of ['./probe-thread.js', '../../dist/src/assets/probe-thread.js']) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(file)) return file;
  }
  return null;
}

/** Inspection threads at most: CERT_CHECK_THREADS=0 → none (the main thread inspects), else one per core, at most 4. */
export function defaultThreads(): number {
  if (process.env.CERT_CHECK_THREADS === '0') return 0;
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * Files one thread takes on before another is worth its start: each thread loads its modules and warms its
 * compiled code on its own, which a clerk's folder of a few thousand files does not repay.
 */
export const FILES_PER_THREAD = 4000;

/** Threads for a folder of `files` files: one per FILES_PER_THREAD, at least one, at most `most`. */
export function threadsFor(files: number, most = defaultThreads()): number {
  return most === 0 ? 0 : Math.max(1, Math.min(most, Math.ceil(files / FILES_PER_THREAD)));
}

interface Pending {
  id: number;
  job: ProbeJob;
  resolve: (r: PooledResult) => void;
}

interface Lane {
  worker: Worker;
  inFlight: Map<number, Pending>;
  timer: NodeJS.Timeout | null;
  /** Batches sent and not answered, oldest first (their ids). */
  batches: number[][];
}

/** A probe's result, or why its thread was lost (then the file is inspected the way it was before the small readers). */
export type PooledResult = ProbeResult & { lost?: string };

export interface ProbePool {
  run(job: ProbeJob): Promise<PooledResult>;
  /** Uses `n` threads from now on (at most the pool's size), starting those not running yet. */
  use(n: number): void;
  close(): Promise<void>;
  /** Threads started so far (tests: a thread ended for time is replaced). */
  readonly started: number;
}

const shared = new Map<number, ProbePool>();
const sharedLimits: { batchTimeMs?: number } = {};

/** Sets the batch time limit of the pools made from now on (the existing ones are ended). For tests. */
export async function setProbeLimits(limits: { batchTimeMs?: number }): Promise<void> {
  Object.assign(sharedLimits, limits);
  const pools = [...shared.values()];
  shared.clear();
  await Promise.all(pools.map((p) => p.close()));
}

/**
 * The process's pool of `threads` threads (made on first use and kept: idle threads hold no reference on the
 * event loop, so they never keep a run from ending).
 */
export function probePool(threads = defaultThreads()): ProbePool {
  let pool = shared.get(threads);
  if (!pool) shared.set(threads, (pool = createProbePool(threads, sharedLimits)));
  return pool;
}

/** A pool of `threads` inspection threads; 0: everything in the main thread. */
export function createProbePool(threads: number, limits: { batchTimeMs?: number } = {}): ProbePool {
  const file = threads > 0 ? threadFile() : null;
  if (!file) {
    return { run: (job) => probe(job, ASYNC_IO), use() {}, async close() {}, started: 0 };
  }
  const timeLimit = limits.batchTimeMs ?? BATCH_TIME_LIMIT_MS;
  const queue: Pending[] = [];
  const lanes: (Lane | null)[] = Array.from({ length: threads }, () => null);
  /** Threads in use (the first `active` lanes). */
  let active = 1;
  let nextId = 0;
  let started = 0;
  let scheduled = false;
  let closed = false;

  const arm = (lane: Lane): void => {
    if (lane.timer) clearTimeout(lane.timer);
    lane.timer = lane.batches.length ? setTimeout(() => expire(lane), timeLimit) : null;
  };

  /** A batch over the time limit: the thread ends, its files go to the fallbacks. */
  const expire = (lane: Lane): void => {
    const index = lanes.indexOf(lane);
    if (index >= 0) lanes[index] = null;
    void lane.worker.terminate();
    for (const p of lane.inFlight.values()) p.resolve({ lost: `inspection took longer than ${Math.round(timeLimit / 1000)} s` });
    lane.inFlight.clear();
    lane.batches = [];
    schedule();
  };

  const spawn = (): Lane => {
    const worker = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB, maxYoungGenerationSizeMb: 8 } });
    started++;
    const lane: Lane = { worker, inFlight: new Map(), timer: null, batches: [] };
    worker.on('message', (m: { results: [number, ProbeResult][] }) => {
      for (const [id, r] of m.results) {
        const p = lane.inFlight.get(id);
        if (!p) continue;
        lane.inFlight.delete(id);
        p.resolve(r);
      }
      lane.batches.shift();
      arm(lane);
      hold(lane);
      schedule();
    });
    const lost = (why: string): void => {
      if (lanes.includes(lane)) lanes[lanes.indexOf(lane)] = null;
      if (lane.timer) clearTimeout(lane.timer);
      for (const p of lane.inFlight.values()) p.resolve({ lost: why });
      lane.inFlight.clear();
      schedule();
    };
    worker.on('error', (err) => lost(`inspection thread failed: ${err.message}`.slice(0, 160)));
    worker.on('exit', () => lost('inspection thread ended'));
    worker.unref();
    return lane;
  };

  /** A thread keeps the process alive only while it has work. */
  const hold = (lane: Lane): void => {
    if (lane.inFlight.size) lane.worker.ref();
    else lane.worker.unref();
  };

  /** Sends the queue out in batches, round robin, as far as each thread has room. */
  const pump = (): void => {
    scheduled = false;
    if (closed) return;
    let sent = true;
    while (queue.length && sent) {
      sent = false;
      for (let i = 0; i < active && queue.length; i++) {
        const lane = (lanes[i] ??= spawn());
        const n = Math.min(BATCH, IN_FLIGHT - lane.inFlight.size, Math.ceil(queue.length / active));
        if (n <= 0) continue;
        const batch = queue.splice(0, n);
        for (const p of batch) lane.inFlight.set(p.id, p);
        lane.batches.push(batch.map((p) => p.id));
        lane.worker.postMessage({ jobs: batch.map((p) => [p.id, p.job]) });
        if (lane.batches.length === 1) arm(lane);
        hold(lane);
        sent = true;
      }
    }
  };

  /** Jobs queued in the same turn go out together. */
  const schedule = (): void => {
    if (scheduled || !queue.length) return;
    scheduled = true;
    setImmediate(pump);
  };

  return {
    run(job) {
      return new Promise<PooledResult>((resolve) => {
        queue.push({ id: nextId++, job, resolve });
        schedule();
      });
    },
    use(n) {
      active = Math.max(1, Math.min(lanes.length, n));
      for (let i = 0; i < active; i++) lanes[i] ??= spawn();
    },
    async close() {
      closed = true;
      const all = lanes.filter((l): l is Lane => l !== null);
      lanes.fill(null);
      for (const l of all) if (l.timer) clearTimeout(l.timer);
      await Promise.all(all.map((l) => l.worker.terminate()));
    },
    get started() {
      return started;
    },
  };
}
