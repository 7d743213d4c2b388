import { beforeAll } from 'vitest';
import rule from '../../rules/attachment-size.js';
import { buildAssetFolder, type AssetFixture } from '../assets/fixtures.js';
import { testRule } from './rule-tester.js';

let fx: AssetFixture;
beforeAll(async () => {
  fx = await buildAssetFolder();
});

// 三（三）: 附件大小不超过10M.
testRule(rule, {
  folder: () => fx.dir,
  valid: [
    { name: 'a small PDF', row: { attachment: 'scan3.pdf' } },
    { name: 'a small file of another type: attachment-format reports it', row: { attachment: 'zip-named.pdf' } },
    { name: 'a missing file: attachment-file reports it', row: { attachment: 'nobody.pdf' } },
  ],
  invalid: [
    { name: 'one byte over 10 MB', row: { attachment: 'oversize.pdf' }, errors: [{ messageId: 'too-large', field: 'attachment', severity: 'error', data: { size: '10,485,761', limit: '10,485,760' } }] },
  ],
});
