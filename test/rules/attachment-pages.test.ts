import { beforeAll } from 'vitest';
import rule from '../../rules/attachment-pages.js';
import { buildAssetFolder, type AssetFixture } from '../assets/fixtures.js';
import { testRule } from './rule-tester.js';

let fx: AssetFixture;
beforeAll(async () => {
  fx = await buildAssetFolder();
});

// 三（三）: 2021年及以前的请上传职称证书（要求上传完整，必须含封面、照片页、基本信息页）.
testRule(rule, {
  folder: () => fx.dir,
  valid: [
    { name: 'a 3-page scan of 2019', row: { attachment: 'scan3.pdf', obtainDate: '2019-11-15' } },
    { name: 'a 3-page scan of 2021', row: { attachment: 'scan3.pdf', obtainDate: '2021-06-01' } },
    { name: 'an approval document of 2022 may have one page', row: { attachment: 'one-page.pdf', obtainDate: '2022-03-01' } },
    { name: 'no date: nothing to go on', row: { attachment: 'one-page.pdf', obtainDate: '' } },
    { name: 'an unreadable date', row: { attachment: 'one-page.pdf', obtainDate: '去年' } },
    { name: 'a PDF that needs a password: attachment-format reports it', row: { attachment: 'user-password.pdf', obtainDate: '2019-11-15' } },
  ],
  invalid: [
    { name: 'a one-page scan of 2019', row: { attachment: 'one-page.pdf', obtainDate: '2019-11-15' }, errors: [{ messageId: 'few-pages', field: 'attachment', severity: 'warning', data: { pages: 1, min: 3 } }] },
    { name: 'a one-page scan of 2021', row: { attachment: 'one-page.pdf', obtainDate: '2021-12-31' }, errors: [{ messageId: 'few-pages', severity: 'warning', data: { pages: 1, min: 3 } }] },
  ],
});
