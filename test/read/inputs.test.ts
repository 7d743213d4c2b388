import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs, isInputName } from '../../src/read/index.js';
import { expectInputError, makeTempDir } from './files.js';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

function files(dir: string, names: string[]): string {
  const d = tmp.file(dir);
  mkdirSync(d, { recursive: true });
  for (const n of names) writeFileSync(join(d, n), 'x');
  return d;
}

describe('isInputName', () => {
  it.each([
    ['records.xlsx', true],
    ['records.XLSX', true],
    ['records.csv', true],
    ['records.checked.xlsx', false],
    ['records.fixed.xlsx', false],
    ['~$records.xlsx', false],
    ['._records.xlsx', false],
    ['records.xls', true],
    ['records.et', true],
    ['records.ods', true],
    ['records.tsv', true],
    ['notes.txt', true],
    ['records.xlsb', false],
    ['photo.jpg', false],
  ])('%s → %s', (name, ok) => expect(isInputName(name)).toBe(ok));
});

describe('expandInputs', () => {
  it('takes the spreadsheets of a folder and its sub-folders, sorted, without our outputs and lock files', async () => {
    const dir = files('batch', ['b.csv', 'a.xlsx', 'a.checked.xlsx', 'a.fixed.xlsx', '~$a.xlsx', 'readme.txt', 'c.XLSX']);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'd.xlsx'), 'x');
    mkdirSync(join(dir, 'folder.xlsx'));
    writeFileSync(join(dir, 'folder.xlsx', 'e.xls'), 'x');
    expect(await expandInputs([dir])).toEqual([
      join(dir, 'a.xlsx'), join(dir, 'b.csv'), join(dir, 'c.XLSX'), join(dir, 'folder.xlsx', 'e.xls'), join(dir, 'sub', 'd.xlsx'),
    ]);
  });

  it('keeps files as given, in order, once each', async () => {
    const dir = files('given', ['x.xlsx', 'y.txt']);
    const x = join(dir, 'x.xlsx');
    const y = join(dir, 'y.txt');
    expect(await expandInputs([y, x, x])).toEqual([y, x]);
  });

  it('refuses a missing path', async () => {
    await expectInputError(() => expandInputs([tmp.file('missing')]), 'missing-path');
  });

  it.each([
    ['an empty folder', []],
    ['a folder of outputs and lock files', ['a.checked.xlsx', '~$a.xlsx', 'notes.docx']],
  ])('refuses %s', async (_name, names) => {
    const dir = files(`none-${names.length}`, names);
    const err = await expectInputError(() => expandInputs([dir]), 'no-inputs');
    expect(err.data.path).toBe(dir);
  });
});
