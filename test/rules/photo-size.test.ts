import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll } from 'vitest';
import rule from '../../rules/photo-size.js';
import { PHOTO_MAX_BYTES } from '../../src/assets/limits.js';
import { buildAssetFolder, type AssetFixture } from '../assets/fixtures.js';
import { testRule } from './rule-tester.js';

let fx: AssetFixture;
beforeAll(async () => {
  fx = await buildAssetFolder();
  // Exactly at the limit and one byte over (a JPEG with trailing bytes: size is what counts).
  const jpg = await fs.readFile(path.join(fx.dir, 'colour.jpg'));
  await fs.writeFile(path.join(fx.dir, 'at-limit.jpg'), Buffer.concat([jpg, Buffer.alloc(PHOTO_MAX_BYTES - jpg.length)]));
  await fs.writeFile(path.join(fx.dir, 'over-limit.jpg'), Buffer.concat([jpg, Buffer.alloc(PHOTO_MAX_BYTES + 1 - jpg.length)]));
});

// 三（二）: 图片大小不能超过200kb.
testRule(rule, {
  folder: () => fx.dir,
  valid: [
    { name: 'a photo well under the limit', row: { photo: 'colour.jpg' } },
    { name: 'exactly 204,800 bytes', row: { photo: 'at-limit.jpg' } },
    { name: 'a missing file: photo-file reports it', row: { photo: 'nobody.jpg' } },
  ],
  invalid: [
    { name: 'a large photo', row: { photo: 'oversize.jpg' }, errors: [{ messageId: 'too-large', field: 'photo', severity: 'error' }] },
    {
      name: 'one byte over: the byte limit used and the actual size are stated', row: { photo: 'over-limit.jpg' },
      errors: [{ messageId: 'too-large', severity: 'error', data: { size: '204,801', limit: '204,800' }, text: { zh: /有 204,801 字节.*按 204,800 字节计/, en: '204,801 bytes' } }],
    },
  ],
});
