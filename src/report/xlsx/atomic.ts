/**
 * The one place the workbook writers create files: a temporary file beside the target (src/run/atomic-file.ts:
 * a random name, created exclusively, never through a link), renamed into place only when complete. The command
 * line removes temporary files still being written on Ctrl-C (SIGINT), SIGTERM, SIGHUP and at exit
 * (src/cli/signals.ts), so an interrupted run leaves neither a half-written workbook nor its temporary file.
 */
import type { WriteStream } from 'node:fs';
import { createTempStream } from '../../run/atomic-file.js';
import { InputError, ioCause } from '../../errors.js';

/** A file being written atomically. */
export interface AtomicFile {
  readonly outPath: string;
  /** The temporary file written until `commit`. */
  readonly tmpPath: string;
  readonly stream: WriteStream;
  /** The stream failed (commit will say how). */
  failed(): boolean;
  /** A promise that rejects when the stream fails (never resolves). */
  readonly failure: Promise<never>;
  /** Ends the stream and renames the temporary file into place; an InputError (output-failed) on failure. */
  commit(): Promise<void>;
  /** Removes the temporary file; the target is left as it was. Safe to call twice. */
  abort(): Promise<void>;
}

/**
 * Opens a temporary file beside `outPath` (at `tempPath` when given: the writing thread's file, whose name the
 * main thread chose and removes on a signal); an unwritable place is an InputError (output-failed).
 */
export async function createAtomicFile(outPath: string, tempPath?: string): Promise<AtomicFile> {
  let temp;
  try {
    temp = await createTempStream(outPath, { highWaterMark: 256 * 1024, ...(tempPath ? { nameFor: () => tempPath } : {}) });
  } catch (err) {
    throw new InputError('output-failed', { out: outPath, detail: ioCause(err) });
  }
  const { stream } = temp;
  const out = temp.target;
  const tmp = temp.path;
  let failure: Error | null = null;
  const failed = new Promise<never>((_, reject) => {
    stream.on('error', (err: Error) => {
      failure ??= err;
      reject(err);
    });
  });
  failed.catch(() => {});
  let state: 'open' | 'done' = 'open';
  const abort = async (): Promise<void> => {
    if (state !== 'open') return;
    state = 'done';
    await temp.abort();
  };
  return {
    outPath: out,
    tmpPath: tmp,
    stream,
    failure: failed,
    failed: () => failure !== null,
    abort,
    async commit() {
      if (state !== 'open') throw new Error('AtomicFile is closed');
      try {
        if (failure) throw failure;
        await Promise.race([new Promise<void>((res, rej) => stream.end((err?: Error | null) => (err ? rej(err) : res()))), failed]);
        if (failure) throw failure;
        await temp.commit();
        state = 'done';
      } catch (err) {
        await abort();
        if (err instanceof InputError) throw err;
        throw new InputError('output-failed', { out: outPath, detail: ioCause(err) });
      }
    },
  };
}
