/** The data/ files that are tables: tab-separated, a header line, # comments. */
import { readFileSync } from 'node:fs';

/** Rows of a TSV with a header line, as objects; blank lines and # comments are skipped. */
export function readTsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#'));
  const header = lines.shift()?.split('\t') ?? [];
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()]));
  });
}
