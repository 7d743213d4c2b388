import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import rule from '../../rules/asset-unused-file.js';
import { ID_A, ID_B, ID_C, brief, buildAssetFolder, checkRows, pdf, tempRoot, type AssetFixture } from '../assets/fixtures.js';

let fx: AssetFixture;
let dir: string;
beforeAll(async () => {
  fx = await buildAssetFolder();
  ({ dir } = await tempRoot());
  const jpg = path.join(fx.dir, 'colour.jpg');
  await fs.copyFile(jpg, path.join(dir, `${ID_A}.jpg`));
  await pdf(path.join(dir, `${ID_A}.pdf`), 3);
  await fs.copyFile(jpg, path.join(dir, `${ID_B}.jpg`));
  await pdf(path.join(dir, `${ID_B}.pdf`), 3);
  await fs.writeFile(path.join(dir, 'records.xlsx'), 'x');
  await fs.writeFile(path.join(dir, 'records.csv'), 'x');
});

const rowA = { values: { idNumber: ID_A, name: '张三', photo: `${ID_A}.jpg`, attachment: `${ID_A}.pdf` } };
const rowB = { values: { idNumber: ID_B, name: '李四', photo: `${ID_B}.jpg`, attachment: `${ID_B}.pdf` } };

describe('asset-unused-file', () => {
  it('valid: every file used (spreadsheets do not count)', async () => {
    expect(brief(await checkRows(rule, dir, [rowA, rowB]))).toEqual([]);
  });

  it('valid: files found by convention are used', async () => {
    const rows = [{ values: { idNumber: ID_A, name: '张三', photo: '', attachment: '' } }, { values: { idNumber: ID_B, name: '李四' }, omit: ['photo', 'attachment'] as ('photo' | 'attachment')[] }];
    expect(brief(await checkRows(rule, dir, rows))).toEqual([]);
  });

  it('an unused file with no likely owner', async () => {
    const findings = await checkRows(rule, dir, [rowA]);
    // ID_B's photo and PDF are unused: they name ID_B, whom no row has.
    expect(brief(findings)).toEqual([['unused', 'warning'], ['unused', 'warning']]);
    expect(findings.map((f) => path.basename(f.file))).toEqual([`${ID_B}.jpg`, `${ID_B}.pdf`]);
    expect(findings[0]).toMatchObject({ row: null, field: null });
  });

  it('a misnamed file names the row it probably belongs to', async () => {
    const typo = ID_C.slice(0, 10) + (ID_C[10] === '1' ? '2' : '1') + ID_C.slice(11); // one digit wrong
    const { dir: d } = await tempRoot();
    await fs.copyFile(path.join(fx.dir, 'colour.jpg'), path.join(d, `${typo}.jpg`));
    await fs.copyFile(path.join(fx.dir, 'colour.jpg'), path.join(d, '王五的照片.jpg'));
    const rows = [
      { values: { idNumber: ID_A, name: '张三', photo: '', attachment: '' } },
      { values: { idNumber: ID_C, name: '赵六', photo: '', attachment: '' } },
      { values: { idNumber: ID_B, name: '王五', photo: '', attachment: '' } },
    ];
    const findings = await checkRows(rule, d, rows);
    expect(brief(findings)).toEqual([['unused-probable', 'warning'], ['unused-probable', 'warning']]);
    const byFile = Object.fromEntries(findings.map((f) => [path.basename(f.file), f.data]));
    expect(byFile[`${typo}.jpg`]).toMatchObject({ inputFile: 'test.xlsx', row: 3, name: '赵六' });
    expect(byFile['王五的照片.jpg']).toMatchObject({ row: 4, name: '王五' });
  });

  it('the folder of the standard fixture: unused files are reported, used and linked ones not', async () => {
    const used = ['colour.jpg', 'scan3.pdf', 'escape.jpg'];
    const findings = await checkRows(rule, fx.dir, [{ values: { photo: used[0], attachment: used[1] } }, { values: { photo: used[2], attachment: '' } }]);
    const files = findings.map((f) => path.relative(fx.dir, f.file));
    expect(files).toContain('grey.png');
    expect(files).toContain('linkdir');
    for (const u of used) expect(files).not.toContain(u);
  });
});
