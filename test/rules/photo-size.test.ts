import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import rule from '../../rules/photo-size.js';
import { PHOTO_MAX_BYTES } from '../../src/assets/limits.js';
import { MessageBook } from '../../src/engine/messages.js';
import { brief, buildAssetFolder, checkRows, type AssetFixture } from '../assets/fixtures.js';

let fx: AssetFixture;
beforeAll(async () => {
  fx = await buildAssetFolder();
  // Exactly at the limit and one byte over (a JPEG with trailing bytes: size is what counts).
  const jpg = await fs.readFile(path.join(fx.dir, 'colour.jpg'));
  await fs.writeFile(path.join(fx.dir, 'at-limit.jpg'), Buffer.concat([jpg, Buffer.alloc(PHOTO_MAX_BYTES - jpg.length)]));
  await fs.writeFile(path.join(fx.dir, 'over-limit.jpg'), Buffer.concat([jpg, Buffer.alloc(PHOTO_MAX_BYTES + 1 - jpg.length)]));
});

describe('photo-size', () => {
  it.each(['colour.jpg', 'at-limit.jpg', 'nobody.jpg'])('valid: %s', async (photo) => {
    expect(brief(await checkRows(rule, fx.dir, [{ values: { photo } }]))).toEqual([]);
  });

  it.each(['oversize.jpg', 'over-limit.jpg'])('invalid: %s', async (photo) => {
    expect(brief(await checkRows(rule, fx.dir, [{ values: { photo } }]))).toEqual([['too-large', 'error']]);
  });

  it('states the byte limit used and the actual size', async () => {
    const [f] = await checkRows(rule, fx.dir, [{ values: { photo: 'over-limit.jpg' } }]);
    expect(f!.data).toMatchObject({ size: '204,801', limit: '204,800' });
    expect(new MessageBook([rule]).format(f!, 'zh')).toContain('有 204,801 字节');
    expect(new MessageBook([rule]).format(f!, 'zh')).toContain('按 204,800 字节计');
  });
});
