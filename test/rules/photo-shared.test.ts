import { beforeAll, describe, expect, it } from 'vitest';
import rule from '../../rules/photo-shared.js';
import { ID_A, ID_B, brief, buildAssetFolder, checkRows, type AssetFixture } from '../assets/fixtures.js';

let fx: AssetFixture;
beforeAll(async () => {
  fx = await buildAssetFolder();
});

const row = (idNumber: string, photo: string, name = '张三') => ({ values: { idNumber, photo, name } });

describe('photo-shared', () => {
  const valid: [string, ReturnType<typeof row>[]][] = [
    ['different photos', [row(ID_A, 'colour.jpg'), row(ID_B, 'colour.png', '李四')]],
    ['one person, two certificates, one photo', [row(ID_A, 'colour.jpg'), row(ID_A, 'colour.jpg')]],
    ['same person, ID case differs', [row(ID_A.slice(0, 17) + 'x', 'grey.png'), row(ID_A.slice(0, 17) + 'X', 'GREY.PNG')]],
  ];
  it.each(valid)('valid: %s', async (_label, rows) => {
    expect(brief(await checkRows(rule, fx.dir, rows))).toEqual([]);
  });

  it('error on the later row when two people use one photo', async () => {
    const findings = await checkRows(rule, fx.dir, [row(ID_A, 'colour.jpg'), row(ID_B, 'COLOUR.JPG', '李四'), row(ID_A, 'colour.jpg')]);
    expect(brief(findings)).toEqual([['shared', 'error']]);
    expect(findings[0]).toMatchObject({ row: 3, field: 'photo', data: { otherRow: 2, otherName: '张三' } });
  });
});
