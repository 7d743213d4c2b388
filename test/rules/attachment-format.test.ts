import { beforeAll, describe, expect, it } from 'vitest';
import rule from '../../rules/attachment-format.js';
import { MessageBook } from '../../src/engine/messages.js';
import { brief, buildAssetFolder, checkRows, type AssetFixture } from '../assets/fixtures.js';

let fx: AssetFixture;
beforeAll(async () => {
  fx = await buildAssetFolder();
});

describe('attachment-format', () => {
  it.each(['scan3.pdf', 'one-page.pdf', 'oversize.pdf', 'nobody.pdf', 'linkdir/secret.pdf'])('valid (or not this rule\'s business): %s', async (attachment) => {
    expect(brief(await checkRows(rule, fx.dir, [{ values: { attachment } }]))).toEqual([]);
  });

  const invalid: [string, [string, string][], Record<string, string>?][] = [
    ['zip-named.pdf', [['wrong-type', 'error']], { real: 'ZIP' }],
    ['colour.jpg', [['wrong-type', 'error']], { real: 'JPEG' }],
    ['text.jpg', [['unknown-type', 'error']]],
    ['empty.jpg', [['empty', 'error']]],
    ['broken.pdf', [['invalid', 'error']]],
    ['user-password.pdf', [['user-password', 'error']]],
    ['owner-only.pdf', [['owner-only', 'warning']]],
    ['pdf-named.dat', [['extension-mismatch', 'warning']], { extension: 'dat' }],
  ];
  it.each(invalid)('invalid: %s', async (attachment, expected, data) => {
    const findings = await checkRows(rule, fx.dir, [{ values: { attachment } }]);
    expect(brief(findings)).toEqual(expected);
    if (data) expect(findings[0]!.data).toMatchObject(data);
  });

  it('a zip renamed .pdf is named as a ZIP', async () => {
    const [f] = await checkRows(rule, fx.dir, [{ values: { attachment: 'zip-named.pdf' } }]);
    expect(new MessageBook([rule]).format(f!, 'zh')).toMatch(/实际是 ZIP 格式，不是 PDF.*三（三）/);
  });
});
