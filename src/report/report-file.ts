/**
 * `--report-file F`: the report written to a file, as ESLint's `--output-file` does (missing folders are
 * made), and atomically: the text goes to a temporary file beside F (src/run/atomic-file.ts), renamed onto F
 * only when complete, so F is either the old file or the whole new report. The output guard (src/run/) refuses
 * an F that is a folder, an input or another output of the run before any work.
 */
import { InputError, ioCause } from '../errors.js';
import { createTempStream, type TempStream } from '../run/atomic-file.js';

/** Writes the report's pieces to `path` atomically (missing folders made); an InputError (output-failed) when that cannot be done. */
export async function writeReportFile(path: string, chunks: Iterable<string>): Promise<void> {
  let temp: TempStream | null = null;
  try {
    temp = await createTempStream(path, { mkdir: true });
    const file = temp.stream;
    const failed = new Promise<never>((_, reject) => file.once('error', reject));
    failed.catch(() => {});
    for (const chunk of chunks) {
      if (!file.write(chunk)) await Promise.race([new Promise<void>((r) => file.once('drain', () => r())), failed]);
    }
    await Promise.race([new Promise<void>((r) => file.end(() => r())), failed]);
    await temp.commit();
  } catch (err) {
    await temp?.abort();
    throw new InputError('output-failed', { out: path, detail: ioCause(err) });
  }
}
