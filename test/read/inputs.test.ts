import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyFolderEntry, expandInputs, isInputName, scanInputs } from '../../src/read/index.js';
import { MAX_SCAN_DEPTH, MAX_SCAN_ENTRIES } from '../../src/read/inputs.js';
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

describe('classifyFolderEntry: the one decision of a folder scan', () => {
  const dir = tmp.file('classify');
  mkdirSync(dir, { recursive: true });
  const records = join(dir, 'records-header.txt');
  writeFileSync(records, '姓名\t身份证号\t职称名称\n张三\t500224198001011235\t工程师\n');
  const notes = join(dir, 'notes.txt');
  writeFileSync(notes, '请在周五前交齐材料。\n联系人：王老师\n');

  it.each([
    ['records.xlsx', 'file', true],
    ['records.xls', 'file', true],
    ['records.et', 'file', true],
    ['records.ods', 'file', true],
    ['records.csv', 'file', true],
    ['records.tsv', 'file', true],
    ['records.xlsm', 'file', true],
    ['records-header.txt', 'file', true],
    ['notes.txt', 'file', 'text-no-header'],
    ['records.checked.xlsx', 'file', 'own-output'],
    ['records.2.fixed.xlsx', 'file', 'own-output'],
    ['~$records.xlsx', 'file', 'lock-file'],
    ['.~lock.records.ods#', 'file', 'lock-file'],
    ['records.xlsb', 'file', 'unsupported'],
    ['template.xltx', 'file', 'unsupported'],
    ['说明.docx', 'file', 'not-spreadsheet'],
    ['材料.zip', 'file', 'not-spreadsheet'],
    ['500224198001011235.jpg', 'file', null],
    ['500224198001011235.pdf', 'file', null],
    ['.DS_Store', 'file', null],
    ['Thumbs.db', 'file', null],
    ['cert-check.config.json', 'file', null],
    ['._records.xlsx', 'file', null],
    ['sub', 'folder', true],
    ['.git', 'folder', 'hidden-folder'],
    ['__MACOSX', 'folder', 'hidden-folder'],
    ['elsewhere', 'linked-folder', 'linked-folder'],
  ] as const)('%s (%s) → %s', async (name, type, want) => {
    const decision = await classifyFolderEntry(join(dir, name), name, type, { depth: 1 });
    if (want === true) expect(decision).toEqual({ take: true });
    else expect(decision).toEqual({ take: false, reason: want });
  });

  it('does not enter folders deeper than MAX_SCAN_DEPTH', async () => {
    expect(await classifyFolderEntry(join(dir, 'deep'), 'deep', 'folder', { depth: MAX_SCAN_DEPTH })).toEqual({ take: false, reason: 'too-deep' });
  });
});

describe('scanInputs: folders scanned recursively, every skipped file named', () => {
  it('checks every spreadsheet type in the folder and its sub-folders, and says what it skipped and why', async () => {
    const dir = files('mixed', ['d.xlsx', 'a.xls', 'b.ods', 'c.et', 'd.checked.xlsx', '~$d.xlsx', 'scan.docx', 'p.jpg', 'p.pdf']);
    mkdirSync(join(dir, '2024', '补登'), { recursive: true });
    writeFileSync(join(dir, '2024', 'e.csv'), 'x');
    writeFileSync(join(dir, '2024', '补登', 'f.tsv'), 'x');
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'g.xlsx'), 'x');
    writeFileSync(join(dir, 'readme.txt'), '这里是说明，不是登记表。\n');
    const scan = await scanInputs([dir]);
    expect(scan.failures).toEqual([]);
    // A folder's own files first, then its sub-folders, each sorted by name.
    expect(scan.inputs).toEqual([
      join(dir, 'a.xls'), join(dir, 'b.ods'), join(dir, 'c.et'), join(dir, 'd.xlsx'), join(dir, '2024', 'e.csv'), join(dir, '2024', '补登', 'f.tsv'),
    ]);
    expect(scan.skipped).toEqual([
      { path: join(dir, 'd.checked.xlsx'), reason: 'own-output' },
      { path: join(dir, 'readme.txt'), reason: 'text-no-header' },
      { path: join(dir, 'scan.docx'), reason: 'not-spreadsheet' },
      { path: join(dir, '~$d.xlsx'), reason: 'lock-file' },
      { path: join(dir, '.git'), reason: 'hidden-folder', folder: true },
    ]);
    expect(scan.firstFolder).toBe(dir);
    expect(scan.otherFiles).toBe(2);
  });

  it('a missing path or a folder without records is a failure of that input; the others are still taken', async () => {
    const good = files('good', ['r.xlsx']);
    const empty = files('only-outputs', ['r.checked.xlsx', 'p.jpg']);
    const scan = await scanInputs([tmp.file('nowhere'), empty, good]);
    expect(scan.inputs).toEqual([join(good, 'r.xlsx')]);
    expect(scan.failures.map((f) => [f.path, f.error.id])).toEqual([[tmp.file('nowhere'), 'missing-path'], [empty, 'no-inputs']]);
    const sentence = scan.failures[1]!.error.text('zh');
    expect(sentence).toContain('跳过了 1 个文件');
    expect(sentence).toMatch(/没有 \.xlsx\/\.xls\/\.et\/\.ods\/\.csv.*请把登记表放进这个文件夹，或直接写出要检查的文件名。$/);
    expect(scan.failures[1]!.error.text('en')).toContain('(1 files skipped, see the report)');
    expect(scan.skipped).toEqual([{ path: join(empty, 'r.checked.xlsx'), reason: 'own-output' }]);
  });

  it('the photos of a folder scan are looked for in the folder given, even when the records are in a sub-folder', async () => {
    const dir = files('nested', ['500224198001011235.jpg']);
    mkdirSync(join(dir, '2019'));
    writeFileSync(join(dir, '2019', 'r.csv'), '姓名,身份证号,职称名称,免冠照\n张三,500224198001011235,工程师,500224198001011235.jpg\n');
    const { runCheck } = await import('../../src/run/check-run.js');
    const result = await runCheck({ inputs: [dir], noOut: true, lang: 'zh' });
    expect(result.files.map((f) => f.path)).toEqual([join(dir, '2019', 'r.csv')]);
    expect(result.assetsDir).toBe(resolve(dir));
    expect(result.findings.filter((f) => f.rule === 'photo-file')).toEqual([]);
  });

  it('does not follow a link to a folder (it may lead back up)', async () => {
    const dir = files('linked', ['r.xlsx']);
    symlinkSync(dir, join(dir, 'loop'));
    const scan = await scanInputs([dir]);
    expect(scan.inputs).toEqual([join(dir, 'r.xlsx')]);
    expect(scan.skipped).toEqual([{ path: join(dir, 'loop'), reason: 'linked-folder', folder: true }]);
  });

  it('a folder too large to be a batch is a failure with a sentence, not an endless walk', async () => {
    const dir = files('big', Array.from({ length: 30 }, (_, i) => `${i}.jpg`));
    const scan = await scanInputs([dir], { maxEntries: 10 });
    expect(scan.failures.map((f) => f.error.id)).toEqual(['too-many-files']);
    expect(scan.failures[0]!.error.text('zh')).toMatch(/文件太多（超过 10 个）.*请指定登记表所在的文件夹或文件。$/);
    expect(MAX_SCAN_ENTRIES).toBeGreaterThanOrEqual(10_000);
  });
});

describe('folder scans and the marker of what cert-check wrote', () => {
  it('takes an annotated copy the clerk edited and saved; skips and names untouched copies and fix lists, whatever their names', async () => {
    const { copyFileSync } = await import('node:fs');
    const { runCheck } = await import('../../src/run/check-run.js');
    const { writeFixList } = await import('../../src/report/fix-list.js');
    const { result } = await import('../report/fixtures.js');
    const { REPO_ROOT } = await import('../helpers/paths.js');
    const dir = tmp.file('marked');
    mkdirSync(dir);
    copyFileSync(join(REPO_ROOT, 'examples/records.xlsx'), join(dir, '登记表.xlsx'));
    const written = (await runCheck({ inputs: [join(dir, '登记表.xlsx')], assets: null, lang: 'zh', today: { y: 2026, m: 12, d: 1 } })).files[0]!.annotated!;
    copyFileSync(written, join(dir, '改名的副本.xlsx')); // untouched, renamed by the clerk
    copyFileSync(join(REPO_ROOT, 'test/fixtures/libreoffice/clerk-annotated-edited-libreoffice.xlsx'), join(dir, '旧表.checked.xlsx'));
    await writeFixList(join(dir, '问题清单.xlsx'), result([]), { lang: 'zh' });
    const scan = await scanInputs([dir]);
    expect(scan.inputs.map((p) => p.slice(dir.length + 1))).toEqual(['旧表.checked.xlsx', '登记表.xlsx']);
    expect(scan.skipped.map((s) => [s.path.slice(dir.length + 1), s.reason])).toEqual([
      ['改名的副本.xlsx', 'own-output'],
      ['登记表.checked.xlsx', 'own-output'],
      ['问题清单.xlsx', 'fix-list'],
    ]);
  }, 60_000);

  it('a copy the clerk edited stands for the records it was made from: those are skipped and named, other records kept', async () => {
    const { copyFileSync, writeFileSync } = await import('node:fs');
    const { REPO_ROOT } = await import('../helpers/paths.js');
    const dir = tmp.file('superseded');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    const edited = join(REPO_ROOT, 'test/fixtures/libreoffice/clerk-annotated-edited-libreoffice.xlsx');
    copyFileSync(join(REPO_ROOT, 'examples/records.xlsx'), join(dir, 'clerk.xlsx'));
    copyFileSync(edited, join(dir, 'clerk.checked.xlsx'));
    copyFileSync(join(REPO_ROOT, 'test/fixtures/formats/records.xls'), join(dir, '二科.xls'));
    copyFileSync(edited, join(dir, '二科.checked.2.xlsx'));
    copyFileSync(join(REPO_ROOT, 'examples/records.xlsx'), join(dir, 'other.xlsx'));
    copyFileSync(join(REPO_ROOT, 'examples/records.xlsx'), join(dir, 'sub', 'clerk.xlsx')); // another folder: not its copy
    writeFileSync(join(dir, 'notes.txt'), ''); // an empty .txt is nobody's records
    const scan = await scanInputs([dir]);
    expect(scan.inputs.map((p) => p.slice(dir.length + 1))).toEqual(['clerk.checked.xlsx', 'other.xlsx', '二科.checked.2.xlsx', 'sub/clerk.xlsx']);
    expect(scan.skipped.map((s) => [s.path.slice(dir.length + 1), s.reason])).toEqual([
      ['notes.txt', 'text-no-header'],
      ['clerk.xlsx', 'superseded'],
      ['二科.xls', 'superseded'],
    ]);
    // A link or hard link to records already taken is the same file: checked once.
    const { linkSync, symlinkSync } = await import('node:fs');
    symlinkSync('other.xlsx', join(dir, 'latest.xlsx'));
    linkSync(join(dir, 'other.xlsx'), join(dir, 'sub', 'copy.xlsx'));
    const again = await scanInputs([dir]);
    expect(again.inputs.map((p) => p.slice(dir.length + 1))).toEqual(['clerk.checked.xlsx', 'latest.xlsx', '二科.checked.2.xlsx', 'sub/clerk.xlsx']);
    expect(again.skipped.filter((x) => x.reason === 'duplicate').map((x) => x.path.slice(dir.length + 1))).toEqual(['other.xlsx', 'sub/copy.xlsx']);
    // Named on the command line, the records are checked as asked.
    expect((await scanInputs([join(dir, 'clerk.xlsx'), join(dir, 'clerk.checked.xlsx')])).inputs).toHaveLength(2);
  }, 60_000);
});
