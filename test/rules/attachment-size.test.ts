import { beforeAll, describe, expect, it } from 'vitest';
import rule from '../../rules/attachment-size.js';
import { brief, buildAssetFolder, checkRows, type AssetFixture } from '../assets/fixtures.js';

let fx: AssetFixture;
beforeAll(async () => {
  fx = await buildAssetFolder();
});

describe('attachment-size', () => {
  it.each(['scan3.pdf', 'zip-named.pdf', 'nobody.pdf'])('valid: %s', async (attachment) => {
    expect(brief(await checkRows(rule, fx.dir, [{ values: { attachment } }]))).toEqual([]);
  });

  it('invalid: one byte over 10 MB', async () => {
    const findings = await checkRows(rule, fx.dir, [{ values: { attachment: 'oversize.pdf' } }]);
    expect(brief(findings)).toEqual([['too-large', 'error']]);
    expect(findings[0]!.data).toMatchObject({ size: '10,485,761', limit: '10,485,760' });
  });
});
