/** Paths the tests use: everything a test reads lives inside the repository. */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../..');
/** The spreadsheets of exceljs's own test suite, copied with their MIT licence (test/fixtures/exceljs-spec/README.md). */
export const EXCELJS_CORPUS = resolve(REPO_ROOT, 'test/fixtures/exceljs-spec');
/** The committed fixtures. */
export const FIXTURES = resolve(REPO_ROOT, 'test/fixtures');

/** The workbooks among the fixtures (paths relative to FIXTURES) whose names pass `keep`. */
export function fixtureWorkbooks(keep: (name: string) => boolean): string[] {
  return readdirSync(FIXTURES, { recursive: true }).map(String).filter(keep);
}
