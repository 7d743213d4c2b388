import { beforeAll } from 'vitest';
import rule from '../../rules/photo-colour.js';
import { buildAssetFolder, type AssetFixture } from '../assets/fixtures.js';
import { testRule } from './rule-tester.js';

let fx: AssetFixture;
beforeAll(async () => {
  fx = await buildAssetFolder();
});

const photo = (name: string): { name: string; row: { photo: string } } => ({ name, row: { photo: name } });

// 三（二）: 个人的彩色免冠照 — grey by channels, or grey pixels saved as colour.
testRule(rule, {
  folder: () => fx.dir,
  valid: ['colour.jpg', 'colour.png', 'png-named.jpg', 'oversize.jpg', 'truncated.jpg', 'gif-named.jpg'].map(photo),
  invalid: [
    { ...photo('grey-1ch.jpg'), errors: [{ messageId: 'grey-channels', field: 'photo', severity: 'warning' }] },
    { ...photo('grey.png'), errors: [{ messageId: 'grey-channels', severity: 'warning' }] },
    { ...photo('grey-rgb.jpg'), errors: [{ messageId: 'grey-pixels', severity: 'warning' }] },
  ],
});
