import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MessageBook } from '../../src/engine/messages.js';
import rule from '../../rules/photo-file.js';
import { makeRecord, runRule, testContext } from '../helpers/records.js';
import { ID_A, brief, buildAssetFolder, checkRows, type AssetFixture } from '../assets/fixtures.js';

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

describe('photo-file', () => {
  const valid: [string, Record<string, unknown>, ('photo' | 'attachment')[]?][] = [
    ['a file name', { photo: 'colour.jpg' }],
    ['a link inside the folder', { photo: 'inner-link.jpg' }],
    ['empty cell, the one photo named by convention', { photo: '', idNumber: ID_A }],
    ['no column: the one photo named by convention', { idNumber: ID_A }, ['photo']],
  ];
  it.each(valid)('valid: %s', async (_label, values, omit) => {
    expect(brief(await checkRows(rule, single.dir, [{ values, omit }]))).toEqual([]);
  });

  const invalid: [string, Record<string, unknown>, [string, string][], ('photo' | 'attachment')[]?][] = [
    ['missing file', { photo: 'nobody.jpg', idNumber: '500101199901011234' }, [['missing', 'error']]],
    ['missing, but a file named after the ID exists', { photo: '张三.jpg', idNumber: ID_A }, [['missing-near', 'error']]],
    ['.. leaving the folder', { photo: '../outside/secret.jpg' }, [['parent', 'error']]],
    ['absolute path', { photo: '/etc/hostname' }, [['absolute', 'error']]],
    ['link pointing outside', { photo: 'escape.jpg' }, [['symlink', 'error']]],
    ['no column and no conventional file', { idNumber: '500101199901011234' }, [['not-found', 'error']], ['photo']],
    ['empty cell and no conventional file', { photo: '', idNumber: '500101199901011234' }, [['not-found', 'error']]],
    ['two conventional files', { photo: '', idNumber: ID_A }, [['ambiguous', 'warning']]],
  ];
  it.each(invalid)('invalid: %s', async (_label, values, expected, omit) => {
    expect(brief(await checkRows(rule, fx.dir, [{ values, omit }]))).toEqual(expected);
  });

  it('says which folder, and suggests the file that was probably meant', async () => {
    const [f] = await checkRows(rule, fx.dir, [{ values: { photo: '张三.jpg', idNumber: ID_A } }]);
    expect(f).toMatchObject({ field: 'photo', column: 'R', suggestion: `${ID_A}.jpg` });
    const text = new MessageBook([rule]).format(f!, 'zh');
    expect(text).toContain('张三.jpg');
    expect(text).toContain('三（二）');
    expect(new MessageBook([rule]).format(f!, 'en')).toContain('not in the assets folder');
  });

  it('lists the candidates and the one checked', async () => {
    const [f] = await checkRows(rule, fx.dir, [{ values: { photo: '', idNumber: ID_A } }]);
    expect(f!.data.candidates).toContain(`${ID_A}.jpg`);
    expect(f!.data.candidates).toContain(`${ID_A}_照片.jpg`);
    expect(String(f!.data.chosen).endsWith(`${ID_A}.jpg`)).toBe(true);
  });

  it('is silent when assets are not checked', () => {
    expect(runRule(rule, makeRecord({ photo: 'nobody.jpg' }), testContext())).toEqual([]);
  });
});
