/**
 * The messages by which a reader running elsewhere (the reading thread, ./worker.ts, or the reading process of
 * .xls/.et/.ods, ./sheetjs-child.ts) hands its events over, and both ends of that exchange: the sender posts
 * the events in batches, a few batches ahead at most (the receiver hands back a credit for each batch it
 * took), so that reading the next rows overlaps checking and writing the previous ones, and what waits in
 * between stays small whatever the sheet holds.
 */
import { InputError, type ErrorData, type InputMessageId } from '../errors.js';
import type { InputFormat, InputReader, ReadEvent } from './types.js';

export type ReaderMessage =
  | { type: 'ready'; format: InputFormat }
  | { type: 'events'; events: ReadEvent[]; date1904: boolean }
  | { type: 'end' }
  | { type: 'error'; input?: { id: InputMessageId; data: ErrorData }; message?: string };

/** Rows in one batch at most. */
export const BATCH_EVENTS = 256;
/**
 * What one batch may hold (a rough count of its serialised bytes, see `eventBytes`): 256 rows of 256 long
 * cells would otherwise make one message of tens of MB. A single larger row still goes alone.
 */
export const BATCH_BYTES = 1024 * 1024;
/** Batches sent and not yet taken, at most. */
export const BATCHES_AHEAD = 2;

/** About what an event weighs once serialised: text at two bytes a character, 16 bytes for anything else. */
export function eventBytes(ev: ReadEvent): number {
  if (ev.type !== 'row') return 1024;
  let n = 64;
  for (const v of ev.values) n += typeof v === 'string' ? 16 + 2 * v.length : 16;
  if (ev.numFmts) for (const f of ev.numFmts) n += typeof f === 'string' ? 16 + 2 * f.length : 8;
  return n;
}

/** The sender's credits: how many more batches it may send before the receiver takes one. */
export class Credits {
  private wake: (() => void) | null = null;
  constructor(private n = BATCHES_AHEAD) {}

  give(): void {
    this.n++;
    this.wake?.();
    this.wake = null;
  }

  async take(): Promise<void> {
    while (this.n === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    this.n--;
  }
}

/** Sends a reader's events in batches (a sheet-start ends a batch, so the receiver learns of a sheet at once), then 'end'. */
export async function sendEvents(reader: InputReader, send: (m: ReaderMessage) => void, credits: Credits): Promise<void> {
  let batch: ReadEvent[] = [];
  let bytes = 0;
  const flush = async (): Promise<void> => {
    if (!batch.length) return;
    await credits.take();
    send({ type: 'events', events: batch, date1904: reader.date1904 });
    batch = [];
    bytes = 0;
  };
  for await (const ev of reader.events()) {
    batch.push(ev);
    bytes += eventBytes(ev);
    if (batch.length >= BATCH_EVENTS || bytes >= BATCH_BYTES || ev.type === 'sheet-start') await flush();
  }
  await flush();
  send({ type: 'end' });
}

/** An error as a message: an InputError keeps its id and data, anything else only its message. */
export function errorMessage(err: unknown): Extract<ReaderMessage, { type: 'error' }> {
  if (err instanceof InputError) return { type: 'error', input: { id: err.id, data: err.data } };
  return { type: 'error', message: err instanceof Error ? err.message : String(err) };
}

/** The error a message carries. */
export function messageError(m: Extract<ReaderMessage, { type: 'error' }>, what: string): Error {
  return m.input ? new InputError(m.input.id, m.input.data) : new Error(m.message ?? `${what} failed`);
}

/**
 * The receiving end: messages queued as they come, and `fail` once the other side is gone (or stopped) with
 * the error every later wait gets. `onWait` is told when a wait for the other side starts and ends.
 */
export class Inbox {
  private queue: ReaderMessage[] = [];
  private waiting: (() => void) | null = null;
  private failed: Error | null = null;

  constructor(private readonly onWait?: (waiting: boolean) => void) {}

  push(m: ReaderMessage): void {
    this.queue.push(m);
    this.waiting?.();
    this.waiting = null;
  }

  /** The other side is gone: waits end with `err` (the first one given is kept). */
  fail(err: Error): void {
    this.failed ??= err;
    this.waiting?.();
    this.waiting = null;
  }

  get error(): Error | null {
    return this.failed;
  }

  async next(): Promise<ReaderMessage> {
    for (;;) {
      const m = this.queue.shift();
      if (m) return m;
      if (this.failed) throw this.failed;
      this.onWait?.(true);
      try {
        await new Promise<void>((resolve) => (this.waiting = resolve));
      } finally {
        this.onWait?.(false);
      }
    }
  }
}

/**
 * The InputReader of a reader running elsewhere, once it said it is ready: events from the inbox's batches
 * (a credit handed back for each), `stop` called when they end, fail or are no longer wanted.
 */
export function remoteReader(format: InputFormat, inbox: Inbox, what: string, credit: () => void, stop: () => Promise<void>): InputReader {
  let date1904 = false;
  return {
    format,
    get date1904() {
      return date1904;
    },
    async close() {
      await stop();
    },
    async *events(): AsyncIterable<ReadEvent> {
      try {
        for (;;) {
          const m = await inbox.next();
          if (m.type === 'end') return;
          if (m.type === 'error') throw messageError(m, what);
          if (m.type !== 'events') continue;
          date1904 = m.date1904;
          credit();
          yield* m.events;
        }
      } finally {
        await stop();
      }
    },
  };
}

/**
 * The reader of the other side once its first message says it is ready; its error (or any other first message)
 * stops the other side and is thrown.
 */
export async function readyReader(inbox: Inbox, what: string, credit: () => void, stop: () => Promise<void>): Promise<InputReader> {
  let first: ReaderMessage;
  try {
    first = await inbox.next();
  } catch (e) {
    await stop();
    throw e;
  }
  if (first.type !== 'ready') {
    await stop();
    throw first.type === 'error' ? messageError(first, what) : new Error(`${what}: unexpected ${first.type}`);
  }
  return remoteReader(first.format, inbox, what, credit, stop);
}
