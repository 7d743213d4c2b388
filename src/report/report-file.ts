/**
 * `--report-file F`: the report written to a file, as ESLint's `--output-file` does (missing folders are
 * made, a folder is refused), and atomically: the text goes to `.<name>.<pid>.tmp` beside F, which is renamed
 * onto F only when complete, so F is either the old file or the whole new report. Ctrl-C, SIGTERM and SIGHUP
 * remove the temporary file.
 */
import { createWriteStream, realpathSync, statSync, unlinkSync, type WriteStream } from 'node:fs';
import { mkdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { Lang } from '../engine/types.js';

const live = new Set<string>();
let hooked = false;

function removeLive(): void {
  for (const p of live) {
    try {
      unlinkSync(p);
    } catch {
      // already gone
    }
  }
  live.clear();
}

/** Removes the temporary file however the process ends; a signal nobody else handles still ends it. */
function hook(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', removeLive);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(signal, () => {
      removeLive();
      if (process.listenerCount(signal) === 1) process.exit(code);
    });
  }
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    try {
      return join(realpathSync(dirname(p)), basename(p));
    } catch {
      return resolve(p);
    }
  }
}

/**
 * Refuses, before any work, a report file that is a folder, one of the inputs, or another output of the run
 * (exit 2). The general output guard (src/run/) takes this over when the branches meet.
 */
export function checkReportTarget(path: string, others: { inputs: readonly string[]; outputs: readonly string[] }, lang: Lang): void {
  const zh = lang === 'zh';
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    throw new InputError('usage', { detail: zh ? `--report-file 应是文件，而 ${path} 是文件夹` : `--report-file must be a file, and ${path} is a folder` });
  }
  const target = real(path);
  if (others.inputs.some((p) => real(p) === target)) throw new InputError('output-is-input', { out: path });
  if (others.outputs.some((p) => real(p) === target)) {
    throw new InputError('usage', { detail: zh ? `--report-file ${path} 与本次运行的另一个输出文件相同` : `--report-file ${path} is another output of this run` });
  }
}

/** Writes the report's pieces to `path` atomically; an InputError (output-failed) when that cannot be done. */
export async function writeReportFile(path: string, chunks: Iterable<string>): Promise<void> {
  const out = resolve(path);
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  let stream: WriteStream | null = null;
  try {
    await mkdir(dirname(out), { recursive: true });
    hook();
    live.add(tmp);
    const file = (stream = createWriteStream(tmp));
    const failed = new Promise<never>((_, reject) => file.once('error', reject));
    failed.catch(() => {});
    for (const chunk of chunks) {
      if (!file.write(chunk)) await Promise.race([new Promise<void>((r) => file.once('drain', () => r())), failed]);
    }
    await Promise.race([new Promise<void>((r) => file.end(() => r())), failed]);
    await rename(tmp, out);
    live.delete(tmp);
  } catch (err) {
    // The stream may still be opening: closed first, or the file would appear after the unlink.
    if (stream && !stream.closed) await new Promise<void>((r) => stream!.destroy().once('close', () => r()));
    await unlink(tmp).catch(() => {});
    live.delete(tmp);
    const detail = (err as NodeJS.ErrnoException)?.code ?? (err instanceof Error ? err.message : String(err));
    throw new InputError('output-failed', { out: path, detail });
  }
}
