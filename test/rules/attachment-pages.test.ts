import { beforeAll, describe, expect, it } from 'vitest';
import rule from '../../rules/attachment-pages.js';
import { brief, buildAssetFolder, checkRows, type AssetFixture } from '../assets/fixtures.js';

let fx: AssetFixture;
beforeAll(async () => {
  fx = await buildAssetFolder();
});

describe('attachment-pages', () => {
  const valid: [string, string, string][] = [
    ['a 3-page scan of 2019', 'scan3.pdf', '2019-11-15'],
    ['a 3-page scan of 2021', 'scan3.pdf', '2021-06-01'],
    ['an approval document of 2022 may have one page', 'one-page.pdf', '2022-03-01'],
    ['no date: nothing to go on', 'one-page.pdf', ''],
    ['an unreadable date', 'one-page.pdf', '去年'],
    ['a PDF that needs a password: attachment-format reports it', 'user-password.pdf', '2019-11-15'],
  ];
  it.each(valid)('valid: %s', async (_label, attachment, obtainDate) => {
    expect(brief(await checkRows(rule, fx.dir, [{ values: { attachment, obtainDate } }]))).toEqual([]);
  });

  const invalid: [string, string, string][] = [
    ['a one-page scan of 2019', 'one-page.pdf', '2019-11-15'],
    ['a one-page scan of 2021', 'one-page.pdf', '2021-12-31'],
  ];
  it.each(invalid)('invalid: %s', async (_label, attachment, obtainDate) => {
    const findings = await checkRows(rule, fx.dir, [{ values: { attachment, obtainDate } }]);
    expect(brief(findings)).toEqual([['few-pages', 'warning']]);
    expect(findings[0]!.data).toMatchObject({ pages: 1, min: 3 });
  });
});
