import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll } from 'vitest';
import rule from '../../rules/photo-file.js';
import type { FileFacts } from '../../src/assets/types.js';
import { ID_A, buildAssetFolder, type AssetFixture } from '../assets/fixtures.js';
import { testRule } from './rule-tester.js';

let fx: AssetFixture;
/** The same folder without the second conventional photo of ID_A. */
let single: AssetFixture;
beforeAll(async () => {
  single = await buildAssetFolder();
  await fs.copyFile(path.join(single.dir, 'colour.jpg'), path.join(single.dir, `${ID_A}.jpg`));
  fx = await buildAssetFolder();
  await fs.copyFile(path.join(fx.dir, 'colour.jpg'), path.join(fx.dir, `${ID_A}.jpg`));
  await fs.copyFile(path.join(fx.dir, 'colour.jpg'), path.join(fx.dir, `${ID_A}_照片.jpg`));
});

/** A file the inspector found but could not read (as root, a test cannot make one on disk). */
const unreadable: FileFacts = { rel: 'a.jpg', display: 'files/a.jpg', size: 10, mtimeMs: 0, extension: 'jpg', readError: 'EACCES: permission denied' };

// 三（二）: 个人的彩色免冠照 — the file the row names is in the assets folder.
testRule(rule, {
  folder: () => fx.dir,
  valid: [
    { name: 'a file name', row: { photo: 'colour.jpg' } },
    { name: 'a link inside the folder', row: { photo: 'inner-link.jpg' } },
    { name: 'empty cell, the one photo named by convention', row: { photo: '', idNumber: ID_A }, folder: () => single.dir },
    { name: 'no column: the one photo named by convention', row: { idNumber: ID_A }, omit: ['photo'], folder: () => single.dir },
    { name: 'files not checked (--no-assets)', row: { photo: 'nobody.jpg' }, folder: null },
  ],
  invalid: [
    { name: 'missing file', row: { photo: 'nobody.jpg', idNumber: '500101199901011234' }, errors: [{ messageId: 'missing', field: 'photo', severity: 'error' }] },
    {
      name: 'missing, but a file named after the ID exists: says which folder and suggests it', row: { photo: '张三.jpg', idNumber: ID_A },
      errors: [{ messageId: 'missing-near', field: 'photo', severity: 'error', suggestion: `${ID_A}.jpg`, text: { zh: '张三.jpg', en: 'not in the assets folder' } }],
    },
    { name: '.. leaving the folder', row: { photo: '../outside/secret.jpg' }, errors: [{ messageId: 'parent', severity: 'error' }] },
    { name: 'absolute path', row: { photo: '/etc/hostname' }, errors: [{ messageId: 'absolute', severity: 'error' }] },
    { name: 'link pointing outside', row: { photo: 'escape.jpg' }, errors: [{ messageId: 'symlink', severity: 'error' }] },
    { name: 'no column and no conventional file', row: { idNumber: '500101199901011234' }, omit: ['photo'], errors: [{ messageId: 'not-found', severity: 'error' }] },
    { name: 'empty cell and no conventional file', row: { photo: '', idNumber: '500101199901011234' }, errors: [{ messageId: 'not-found', severity: 'error' }] },
    {
      name: 'two conventional files: lists the candidates and the one checked', row: { photo: '', idNumber: ID_A },
      errors: [{ messageId: 'ambiguous', severity: 'warning', text: { zh: `${ID_A}_照片.jpg`, en: `${ID_A}.jpg was checked` } }],
    },
    {
      name: 'a file that cannot be read', row: { photo: 'a.jpg' },
      assets: { photo: { status: 'found', source: 'cell', ref: 'a.jpg', file: unreadable, candidates: [unreadable] } },
      errors: [{ messageId: 'unreadable', severity: 'error', data: { file: 'files/a.jpg', error: 'EACCES: permission denied' } }],
    },
  ],
});
