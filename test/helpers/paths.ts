/** Where the workplace's shared material is: `shared/` beside the repository (as on a developer's machine and in CI). */
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../..');
export const SHARED = resolve(REPO_ROOT, '../shared');
/** The spreadsheets of exceljs's own test suite (read-only). */
export const EXCELJS_CORPUS = resolve(SHARED, 'corpus/exceljs-spec');
