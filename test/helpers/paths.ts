/** Paths the tests use: everything a test reads lives inside the repository. */
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../..');
/** The spreadsheets of exceljs's own test suite, copied with their MIT licence (test/fixtures/exceljs-spec/README.md). */
export const EXCELJS_CORPUS = resolve(REPO_ROOT, 'test/fixtures/exceljs-spec');
/** The committed fixtures. */
export const FIXTURES = resolve(REPO_ROOT, 'test/fixtures');
