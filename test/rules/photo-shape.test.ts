import { beforeAll } from 'vitest';
import rule from '../../rules/photo-shape.js';
import { buildAssetFolder, type AssetFixture } from '../assets/fixtures.js';
import { testRule } from './rule-tester.js';

let fx: AssetFixture;
beforeAll(async () => {
  fx = await buildAssetFolder();
});

const photo = (name: string): { name: string; row: { photo: string } } => ({ name, row: { photo: name } });

// A 免冠照 is a portrait: 300×400 = 0.75, 150×200 = 0.75.
testRule(rule, {
  folder: () => fx.dir,
  valid: ['colour.jpg', 'colour.png', 'truncated.jpg'].map(photo),
  invalid: [
    { ...photo('landscape.jpg'), errors: [{ messageId: 'landscape', field: 'photo', severity: 'warning', data: { width: 400, height: 300 } }] },
    { ...photo('narrow.jpg'), errors: [{ messageId: 'aspect', severity: 'warning', data: { ratio: '0.50', min: 0.6, max: 0.9 } }] },
    { ...photo('square.jpg'), errors: [{ messageId: 'aspect', severity: 'warning', data: { ratio: '1.00' } }] },
  ],
});
