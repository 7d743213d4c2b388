import { beforeAll } from 'vitest';
import rule from '../../rules/photo-format.js';
import { buildAssetFolder, type AssetFixture } from '../assets/fixtures.js';
import { testRule } from './rule-tester.js';

let fx: AssetFixture;
beforeAll(async () => {
  fx = await buildAssetFolder();
});

const photo = (name: string): { name: string; row: { photo: string } } => ({ name, row: { photo: name } });

// 三（二）: 支持格式：JPG，PNG.
testRule(rule, {
  folder: () => fx.dir,
  valid: ['colour.jpg', 'colour.png', 'grey-rgb.jpg', 'oversize.jpg', 'landscape.jpg', 'inner-link.jpg', 'nobody.jpg', 'escape.jpg'].map(photo),
  invalid: [
    {
      ...photo('gif-named.jpg'),
      errors: [{ messageId: 'wrong-type', field: 'photo', severity: 'error', data: { real: 'GIF' }, text: { zh: /实际是 GIF 格式.*JPG 或 PNG/, en: /really a GIF file/ } }],
    },
    { ...photo('bmp-named.jpg'), errors: [{ messageId: 'wrong-type', severity: 'error', data: { real: 'BMP' } }] },
    { ...photo('scan3.pdf'), errors: [{ messageId: 'wrong-type', severity: 'error', data: { real: 'PDF' } }] },
    { ...photo('text.jpg'), errors: [{ messageId: 'unknown-type', severity: 'error' }] },
    { ...photo('empty.jpg'), errors: [{ messageId: 'empty', severity: 'error' }] },
    { ...photo('png-named.jpg'), errors: [{ messageId: 'extension-mismatch', severity: 'warning', data: { real: 'PNG', extension: 'jpg', expected: 'png' } }] },
    { ...photo('jpeg-named.png'), errors: [{ messageId: 'extension-mismatch', severity: 'warning', data: { real: 'JPEG', expected: 'jpg' } }] },
    { ...photo('truncated.jpg'), errors: [{ messageId: 'undecodable', severity: 'error' }] },
  ],
});
