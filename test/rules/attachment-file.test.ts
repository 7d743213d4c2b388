import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll } from 'vitest';
import rule from '../../rules/attachment-file.js';
import type { FileFacts } from '../../src/assets/types.js';
import { ID_A, ID_B, buildAssetFolder, pdf, type AssetFixture } from '../assets/fixtures.js';
import { testRule } from './rule-tester.js';

let fx: AssetFixture;
beforeAll(async () => {
  fx = await buildAssetFolder();
  await pdf(path.join(fx.dir, `${ID_A}_工程师.pdf`), 3);
  await fs.copyFile(path.join(fx.dir, `${ID_A}_工程师.pdf`), path.join(fx.dir, `${ID_A}_证书.pdf`));
  await pdf(path.join(fx.dir, `${ID_B}_高级工程师.pdf`), 1);
});

/** A file the inspector found but could not read (as root, a test cannot make one on disk). */
const unreadable: FileFacts = { rel: 'a.pdf', display: 'files/a.pdf', size: 10, mtimeMs: 0, extension: 'pdf', readError: 'EACCES: permission denied' };

// 三（三）: 证书附件 — the file the row names is in the assets folder.
testRule(rule, {
  folder: () => fx.dir,
  valid: [
    { name: 'a file name', row: { attachment: 'scan3.pdf' } },
    { name: 'a file that is not a PDF: attachment-format reports it', row: { attachment: 'zip-named.pdf' } },
    { name: 'no column: the one <ID>_<职称名称>.pdf of this title', row: { idNumber: ID_B, title: '高级工程师' }, omit: ['attachment'] },
  ],
  invalid: [
    { name: 'missing', row: { attachment: 'nobody.pdf', idNumber: '500101199901011234' }, errors: [{ messageId: 'missing', field: 'attachment', severity: 'error' }] },
    { name: 'missing, the ID-named PDF exists', row: { attachment: '张三.pdf', idNumber: ID_A, title: '工程师' }, errors: [{ messageId: 'missing-near', severity: 'error', suggestion: `${ID_A}_工程师.pdf` }] },
    { name: 'leaves the folder', row: { attachment: '../outside/secret.pdf' }, errors: [{ messageId: 'parent', severity: 'error' }] },
    { name: 'through a linked folder outside', row: { attachment: 'linkdir/secret.pdf' }, errors: [{ messageId: 'symlink', severity: 'error' }] },
    { name: 'absolute', row: { attachment: 'D:\\scans\\x.pdf' }, errors: [{ messageId: 'absolute', severity: 'error' }] },
    { name: 'no column, nothing by convention', row: { idNumber: '500101199901011234' }, omit: ['attachment'], errors: [{ messageId: 'not-found', severity: 'error' }] },
    {
      name: 'two files fit the convention: the title-specific PDF is the one checked', row: { attachment: '', idNumber: ID_A, title: '工程师' },
      errors: [{ messageId: 'ambiguous', severity: 'warning', text: { en: `${ID_A}_工程师.pdf was checked` } }],
    },
    {
      name: 'a file that cannot be read', row: { attachment: 'a.pdf' },
      assets: { attachment: { status: 'found', source: 'cell', ref: 'a.pdf', file: unreadable, candidates: [unreadable] } },
      errors: [{ messageId: 'unreadable', severity: 'error', data: { file: 'files/a.pdf' } }],
    },
  ],
});
