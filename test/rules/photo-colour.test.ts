import { beforeAll, describe, expect, it } from 'vitest';
import rule from '../../rules/photo-colour.js';
import { brief, buildAssetFolder, checkRows, type AssetFixture } from '../assets/fixtures.js';

let fx: AssetFixture;
beforeAll(async () => {
  fx = await buildAssetFolder();
});

describe('photo-colour', () => {
  it.each(['colour.jpg', 'colour.png', 'png-named.jpg', 'oversize.jpg', 'truncated.jpg', 'gif-named.jpg'])('valid (or not decodable): %s', async (photo) => {
    expect(brief(await checkRows(rule, fx.dir, [{ values: { photo } }]))).toEqual([]);
  });

  const invalid: [string, string][] = [
    ['grey-1ch.jpg', 'grey-channels'],
    ['grey.png', 'grey-channels'],
    ['grey-rgb.jpg', 'grey-pixels'],
  ];
  it.each(invalid)('invalid: %s', async (photo, messageId) => {
    expect(brief(await checkRows(rule, fx.dir, [{ values: { photo } }]))).toEqual([[messageId, 'warning']]);
  });
});
