import { beforeAll } from 'vitest';
import rule from '../../rules/photo-shared.js';
import { ID_A, ID_B, buildAssetFolder, type AssetFixture } from '../assets/fixtures.js';
import { testRule, type Row } from './rule-tester.js';

let fx: AssetFixture;
beforeAll(async () => {
  fx = await buildAssetFolder();
});

const row = (idNumber: string, photo: string, name = '张三'): Row => ({ idNumber, photo, name });

// Each person registers their own photo: one photo file for two people is one person's.
testRule(rule, {
  folder: () => fx.dir,
  valid: [
    { name: 'different photos', rows: [row(ID_A, 'colour.jpg'), row(ID_B, 'colour.png', '李四')] },
    { name: 'one person, two certificates, one photo', rows: [row(ID_A, 'colour.jpg'), row(ID_A, 'colour.jpg')] },
    { name: 'same person, ID case differs', rows: [row(`${ID_A.slice(0, 17)}x`, 'grey.png'), row(`${ID_A.slice(0, 17)}X`, 'GREY.PNG')] },
  ],
  invalid: [
    {
      name: 'two people use one photo: an error on the later row', rows: [row(ID_A, 'colour.jpg'), row(ID_B, 'COLOUR.JPG', '李四'), row(ID_A, 'colour.jpg')],
      errors: [{ messageId: 'shared', field: 'photo', severity: 'error', row: 3, data: { otherRow: 2, otherName: '张三' } }],
    },
  ],
});
