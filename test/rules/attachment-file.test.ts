import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import rule from '../../rules/attachment-file.js';
import { ID_A, ID_B, brief, buildAssetFolder, checkRows, pdf, type AssetFixture } from '../assets/fixtures.js';

let fx: AssetFixture;
beforeAll(async () => {
  fx = await buildAssetFolder();
  await pdf(path.join(fx.dir, `${ID_A}_工程师.pdf`), 3);
  await fs.copyFile(path.join(fx.dir, `${ID_A}_工程师.pdf`), path.join(fx.dir, `${ID_A}_证书.pdf`));
  await pdf(path.join(fx.dir, `${ID_B}_高级工程师.pdf`), 1);
});

describe('attachment-file', () => {
  const valid: [string, Record<string, unknown>, ('photo' | 'attachment')[]?][] = [
    ['a file name', { attachment: 'scan3.pdf' }],
    ['a file that is not a PDF: attachment-format reports it', { attachment: 'zip-named.pdf' }],
    ['no column: the one <ID>_<职称名称>.pdf of this title', { idNumber: ID_B, title: '高级工程师' }, ['attachment']],
  ];
  it.each(valid)('valid: %s', async (_label, values, omit) => {
    expect(brief(await checkRows(rule, fx.dir, [{ values, omit }]))).toEqual([]);
  });

  const invalid: [string, Record<string, unknown>, [string, string][], ('photo' | 'attachment')[]?][] = [
    ['missing', { attachment: 'nobody.pdf', idNumber: '500101199901011234' }, [['missing', 'error']]],
    ['missing, the ID-named PDF exists', { attachment: '张三.pdf', idNumber: ID_A, title: '工程师' }, [['missing-near', 'error']]],
    ['leaves the folder', { attachment: '../outside/secret.pdf' }, [['parent', 'error']]],
    ['through a linked folder outside', { attachment: 'linkdir/secret.pdf' }, [['symlink', 'error']]],
    ['absolute', { attachment: 'D:\\scans\\x.pdf' }, [['absolute', 'error']]],
    ['no column, nothing by convention', { idNumber: '500101199901011234' }, [['not-found', 'error']], ['attachment']],
    ['two files fit the convention', { attachment: '', idNumber: ID_A, title: '工程师' }, [['ambiguous', 'warning']]],
  ];
  it.each(invalid)('invalid: %s', async (_label, values, expected, omit) => {
    expect(brief(await checkRows(rule, fx.dir, [{ values, omit }]))).toEqual(expected);
  });

  it('the title-specific PDF is the one checked', async () => {
    const [f] = await checkRows(rule, fx.dir, [{ values: { attachment: '', idNumber: ID_A, title: '工程师' } }]);
    expect(String(f!.data.chosen).endsWith(`${ID_A}_工程师.pdf`)).toBe(true);
  });
});
