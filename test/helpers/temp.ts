/**
 * Temporary folders of the tests: made under the system's temp folder and removed after the test file that made
 * them (test/setup/temp-dirs.ts), so a run of the suite leaves nothing behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Set<string>();

/** A new empty folder `<tmp>/<prefix>XXXXXX`, removed after the current test file. */
export function tempDirSync(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** As tempDirSync, asynchronously. */
export async function tempDirAsync(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** Removes every folder made so far (permissions a test took away are given back first). */
export function removeTempDirs(): void {
  for (const dir of made) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
    } catch {
      // a folder a test made unreadable: given back and tried once more
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {
        // left for the system
      }
    }
  }
  made.clear();
}
