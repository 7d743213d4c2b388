/** 1,000 rows with 2,000 files (the benchmark's case), checked for correctness, not speed. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { createAssetInspector } from '../../src/assets/index.js';
import { Engine } from '../../src/engine/engine.js';
import { makeRecord, testContext } from '../helpers/records.js';
import { buildAssetFolder, idFrom, tempRoot } from './fixtures.js';

const ASSET_RULES = RULES.filter((r) => /^(photo|attachment|asset)-/.test(r.id));

describe('1,000 rows, 2,000 files', () => {
  it('inspects each file once and finds nothing wrong in a clean folder; a re-run with --cache reads nothing', async () => {
    const src = await buildAssetFolder();
    const { root, dir } = await tempRoot();
    const jpg = await fs.readFile(path.join(src.dir, 'colour.jpg'));
    const scan = await fs.readFile(path.join(src.dir, 'scan3.pdf'));
    const ids = Array.from({ length: 1000 }, (_, i) => idFrom(`5001011980010${String(i).padStart(4, '0')}`));
    await Promise.all(ids.flatMap((id) => [fs.writeFile(path.join(dir, `${id}.jpg`), jpg), fs.writeFile(path.join(dir, `${id}.pdf`), scan)]));
    const records = ids.map((id, i) => makeRecord({ idNumber: id, photo: i % 2 ? `${id}.jpg` : '', attachment: i % 2 ? '' : `${id}.pdf` }, { row: i + 2 }));
    const cacheFile = path.join(root, 'cache.json');

    for (const run of [1, 2]) {
      const inspector = await createAssetInspector({ dir, cacheFile, concurrency: 4 });
      const engine = new Engine(ASSET_RULES, testContext({ assets: inspector.facts }));
      const findings = [];
      for (let i = 0; i < records.length; i += 256) {
        const batch = records.slice(i, i + 256);
        await inspector.prepare(batch);
        for (const r of batch) findings.push(...engine.check(r));
      }
      findings.push(...engine.finish());
      await inspector.close();
      expect(findings.map((f) => `${f.rule}:${f.messageId}`)).toEqual([]);
      if (run === 1) expect(inspector.stats).toMatchObject({ listed: 2000, headerReads: 2000, imageDecodes: 1000, pdfParses: 1000, cacheHits: 0 });
      else expect(inspector.stats).toMatchObject({ listed: 2000, headerReads: 0, imageDecodes: 0, pdfParses: 0, cacheHits: 2000 });
    }
  }, 120_000);
});
