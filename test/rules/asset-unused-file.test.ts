import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll } from 'vitest';
import rule from '../../rules/asset-unused-file.js';
import { ID_A, ID_B, ID_C, buildAssetFolder, pdf, tempRoot, type AssetFixture } from '../assets/fixtures.js';
import { testRule, type Row } from './rule-tester.js';

let fx: AssetFixture;
/** The photo and PDF of ID_A and ID_B, and two spreadsheets. */
let pair: string;
/** A photo whose name has one digit of ID_C wrong, and one named after 王五. */
let misnamed: string;
/** Used files, a link to a file outside (used by its cell), a link to a folder outside, an unused photo. */
let mixed: string;
/** One digit of ID_C wrong. */
const TYPO = ID_C.slice(0, 10) + (ID_C[10] === '1' ? '2' : '1') + ID_C.slice(11);

beforeAll(async () => {
  fx = await buildAssetFolder();
  const jpg = path.join(fx.dir, 'colour.jpg');
  ({ dir: pair } = await tempRoot());
  await fs.copyFile(jpg, path.join(pair, `${ID_A}.jpg`));
  await pdf(path.join(pair, `${ID_A}.pdf`), 3);
  await fs.copyFile(jpg, path.join(pair, `${ID_B}.jpg`));
  await pdf(path.join(pair, `${ID_B}.pdf`), 3);
  await fs.writeFile(path.join(pair, 'records.xlsx'), 'x');
  await fs.writeFile(path.join(pair, 'records.csv'), 'x');
  ({ dir: misnamed } = await tempRoot());
  await fs.copyFile(jpg, path.join(misnamed, `${TYPO}.jpg`));
  await fs.copyFile(jpg, path.join(misnamed, '王五的照片.jpg'));
  let outside: string;
  ({ dir: mixed, outside } = await tempRoot());
  await fs.copyFile(jpg, path.join(mixed, 'colour.jpg'));
  await fs.copyFile(path.join(fx.dir, 'scan3.pdf'), path.join(mixed, 'scan3.pdf'));
  await fs.copyFile(path.join(fx.dir, 'grey.png'), path.join(mixed, 'grey.png'));
  await fs.copyFile(jpg, path.join(outside, 'secret.jpg'));
  await fs.symlink(path.join(outside, 'secret.jpg'), path.join(mixed, 'escape.jpg'));
  await fs.symlink(outside, path.join(mixed, 'linkdir'));
});

const rowA: Row = { idNumber: ID_A, name: '张三', photo: `${ID_A}.jpg`, attachment: `${ID_A}.pdf` };
const rowB: Row = { idNumber: ID_B, name: '李四', photo: `${ID_B}.jpg`, attachment: `${ID_B}.pdf` };
const byConvention = (idNumber: string, name: string): Row => ({ idNumber, name, photo: '', attachment: '' });

// A misnamed file is the usual cause of a file no row uses: the warning names the row it probably belongs to.
testRule(rule, {
  folder: () => pair,
  valid: [
    { name: 'every file used (spreadsheets do not count)', rows: [rowA, rowB] },
    { name: 'files found by convention are used', rows: [byConvention(ID_A, '张三'), byConvention(ID_B, '李四')] },
    { name: 'files not checked (--no-assets)', rows: [rowA], folder: null },
  ],
  invalid: [
    {
      name: 'unused files with no likely owner: they name ID_B, whom no row has', rows: [rowA],
      errors: [
        { messageId: 'unused', field: null, row: null, severity: 'warning', file: `${ID_B}.jpg` },
        { messageId: 'unused', field: null, row: null, severity: 'warning', file: `${ID_B}.pdf` },
      ],
    },
    {
      name: 'a misnamed file names the row it probably belongs to (its ID within two digits, or the name in it)', folder: () => misnamed,
      rows: [byConvention(ID_A, '张三'), byConvention(ID_C, '赵六'), byConvention(ID_B, '王五')],
      errors: [
        { messageId: 'unused-probable', file: `${TYPO}.jpg`, data: { inputFile: 'test.xlsx', row: 3, name: '赵六' }, text: { zh: 'test.xlsx 第 3 行（赵六）' } },
        { messageId: 'unused-probable', file: '王五的照片.jpg', data: { row: 4, name: '王五' } },
      ],
    },
    {
      name: 'a link to a folder outside is reported; used files and a link a cell names are not', folder: () => mixed,
      rows: [{ photo: 'colour.jpg', attachment: 'scan3.pdf' }, { photo: 'escape.jpg', attachment: '' }],
      errors: [{ messageId: 'unused', file: 'grey.png' }, { messageId: 'unused', file: 'linkdir' }],
    },
  ],
});
