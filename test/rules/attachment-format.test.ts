import { beforeAll } from 'vitest';
import rule from '../../rules/attachment-format.js';
import { buildAssetFolder, type AssetFixture } from '../assets/fixtures.js';
import { testRule } from './rule-tester.js';

let fx: AssetFixture;
beforeAll(async () => {
  fx = await buildAssetFolder();
});

const attachment = (name: string): { name: string; row: { attachment: string } } => ({ name, row: { attachment: name } });

// 三（三）: 只支持PDF文件.
testRule(rule, {
  folder: () => fx.dir,
  valid: ['scan3.pdf', 'one-page.pdf', 'oversize.pdf', 'nobody.pdf', 'linkdir/secret.pdf'].map(attachment),
  invalid: [
    {
      ...attachment('zip-named.pdf'),
      errors: [{ messageId: 'wrong-type', field: 'attachment', severity: 'error', data: { real: 'ZIP' }, text: { zh: /实际是 ZIP 格式，不是 PDF.*三（三）/ } }],
    },
    { ...attachment('colour.jpg'), errors: [{ messageId: 'wrong-type', severity: 'error', data: { real: 'JPEG' } }] },
    { ...attachment('text.jpg'), errors: [{ messageId: 'unknown-type', severity: 'error' }] },
    { ...attachment('empty.jpg'), errors: [{ messageId: 'empty', severity: 'error' }] },
    { ...attachment('broken.pdf'), errors: [{ messageId: 'invalid', severity: 'error' }] },
    { ...attachment('user-password.pdf'), errors: [{ messageId: 'user-password', severity: 'error' }] },
    { ...attachment('owner-only.pdf'), errors: [{ messageId: 'owner-only', severity: 'warning' }] },
    { ...attachment('pdf-named.dat'), errors: [{ messageId: 'extension-mismatch', severity: 'warning', data: { extension: 'dat' } }] },
  ],
});
