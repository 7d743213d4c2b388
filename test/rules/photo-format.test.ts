import { beforeAll, describe, expect, it } from 'vitest';
import rule from '../../rules/photo-format.js';
import { MessageBook } from '../../src/engine/messages.js';
import { brief, buildAssetFolder, checkRows, type AssetFixture } from '../assets/fixtures.js';

let fx: AssetFixture;
beforeAll(async () => {
  fx = await buildAssetFolder();
});

describe('photo-format', () => {
  it.each(['colour.jpg', 'colour.png', 'grey-rgb.jpg', 'oversize.jpg', 'landscape.jpg', 'inner-link.jpg', 'nobody.jpg', 'escape.jpg'])(
    'valid (or not this rule\'s business): %s', async (photo) => {
      expect(brief(await checkRows(rule, fx.dir, [{ values: { photo } }]))).toEqual([]);
    },
  );

  const invalid: [string, [string, string][], Record<string, string>?][] = [
    ['gif-named.jpg', [['wrong-type', 'error']], { real: 'GIF' }],
    ['bmp-named.jpg', [['wrong-type', 'error']], { real: 'BMP' }],
    ['scan3.pdf', [['wrong-type', 'error']], { real: 'PDF' }],
    ['text.jpg', [['unknown-type', 'error']]],
    ['empty.jpg', [['empty', 'error']]],
    ['png-named.jpg', [['extension-mismatch', 'warning']], { real: 'PNG', extension: 'jpg', expected: 'png' }],
    ['jpeg-named.png', [['extension-mismatch', 'warning']], { real: 'JPEG', expected: 'jpg' }],
    ['truncated.jpg', [['undecodable', 'error']]],
  ];
  it.each(invalid)('invalid: %s', async (photo, expected, data) => {
    const findings = await checkRows(rule, fx.dir, [{ values: { photo } }]);
    expect(brief(findings)).toEqual(expected);
    if (data) expect(findings[0]!.data).toMatchObject(data);
  });

  it('names the real type in both languages', async () => {
    const [f] = await checkRows(rule, fx.dir, [{ values: { photo: 'gif-named.jpg' } }]);
    const book = new MessageBook([rule]);
    expect(book.format(f!, 'zh')).toMatch(/实际是 GIF 格式.*JPG 或 PNG/);
    expect(book.format(f!, 'en')).toMatch(/really a GIF file/);
  });
});
