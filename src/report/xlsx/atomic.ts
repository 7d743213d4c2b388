/**
 * The one place the workbook writers create files: a temporary file beside the target, renamed into place
 * only when complete. On Ctrl-C (SIGINT), SIGTERM or SIGHUP the temporary files being written are removed
 * before the process ends, so an interrupted run leaves neither a half-written workbook nor its temporary
 * file (only SIGKILL, which cannot be caught, can leave a `.<name>.<pid>.tmp` behind; the target is never
 * half-written, since it only ever appears by rename).
 */
import { createWriteStream, unlinkSync, type WriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../../errors.js';

const liveTemps = new Set<string>();
let signalsHooked = false;

function removeLiveTemps(): void {
  for (const p of liveTemps) {
    try {
      unlinkSync(p);
    } catch {
      // already gone
    }
  }
  liveTemps.clear();
}

function hookSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  process.once('exit', removeLiveTemps);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => {
      removeLiveTemps();
      process.exit(code);
    });
  }
}

export function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as NodeJS.ErrnoException).code;
  return code && !err.message.startsWith(code) ? `${code}: ${err.message}` : err.message;
}

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

/** Opens a temporary file beside `outPath`; an unwritable place is an InputError (output-failed). */
export async function createAtomicFile(outPath: string): Promise<AtomicFile> {
  const out = resolve(outPath);
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  const stream = createWriteStream(tmp, { highWaterMark: 256 * 1024 });
  try {
    await new Promise<void>((res, rej) => {
      stream.once('open', () => res());
      stream.once('error', rej);
    });
  } catch (err) {
    throw new InputError('output-failed', { out: outPath, detail: errorText(err) });
  }
  liveTemps.add(tmp);
  hookSignals();
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
    if (!stream.closed) {
      await new Promise<void>((res) => {
        stream.once('close', () => res());
        stream.destroy();
      });
    }
    await unlink(tmp).catch(() => {});
    liveTemps.delete(tmp);
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
        if (!stream.closed) await new Promise<void>((res) => stream.once('close', () => res()));
        if (failure) throw failure;
        await rename(tmp, out);
        liveTemps.delete(tmp);
        state = 'done';
      } catch (err) {
        await abort();
        if (err instanceof InputError) throw err;
        throw new InputError('output-failed', { out: outPath, detail: errorText(err) });
      }
    },
  };
}
