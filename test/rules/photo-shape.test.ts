import { beforeAll, describe, expect, it } from 'vitest';
import rule from '../../rules/photo-shape.js';
import { brief, buildAssetFolder, checkRows, type AssetFixture } from '../assets/fixtures.js';

let fx: AssetFixture;
beforeAll(async () => {
  fx = await buildAssetFolder();
});

describe('photo-shape', () => {
  // 300×400 = 0.75, 150×200 = 0.75
  it.each(['colour.jpg', 'colour.png', 'truncated.jpg'])('valid: %s', async (photo) => {
    expect(brief(await checkRows(rule, fx.dir, [{ values: { photo } }]))).toEqual([]);
  });

  const invalid: [string, string, Record<string, unknown>][] = [
    ['landscape.jpg', 'landscape', { width: 400, height: 300 }],
    ['narrow.jpg', 'aspect', { ratio: '0.50', min: 0.6, max: 0.9 }],
    ['square.jpg', 'aspect', { ratio: '1.00' }],
  ];
  it.each(invalid)('invalid: %s', async (photo, messageId, data) => {
    const findings = await checkRows(rule, fx.dir, [{ values: { photo } }]);
    expect(brief(findings)).toEqual([[messageId, 'warning']]);
    expect(findings[0]!.data).toMatchObject(data);
  });
});
