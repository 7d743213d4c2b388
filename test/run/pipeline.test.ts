/**
 * The check of one input keeps batches in hand when it inspects files: the rules and the writer take one batch
 * while the inspection threads read the files of the next ones. Rows must still reach the sinks in order, each
 * with the facts of its own files (never before they are known), across batches and sheets.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/run/check-run.js';
import { FIELD_KEYS, FIELDS } from '../../src/model/fields.js';
import type { RowSink, SinkRow } from '../../src/report/sink.js';
import { GOOD_ROW } from '../helpers/records.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { tempDirSync } from '../helpers/temp.js';

/** A sink that keeps what it is given, in order. */
function recorder(): RowSink & { rows: SinkRow[] } {
  const rows: SinkRow[] = [];
  return {
    rows,
    async addRows(batch) {
      for (const r of batch) rows.push(r);
    },
    async finish() {
      return {};
    },
    abort() {},
  };
}

describe('rows and their files across batches', () => {
  it('hands every row to the sinks in order, with its own photo and attachment inspected', async () => {
    const dir = tempDirSync('cert-pipeline-');
    const assets = join(dir, 'files');
    mkdirSync(assets);
    const jpg = join(REPO_ROOT, 'examples/files/500224197008171253.jpg');
    const pdf = join(REPO_ROOT, 'examples/files/500224197008171253_工程师.pdf');
    const ROWS = 900; // three batches of 256 and a part: the first is checked while the next two are inspected
    const lines = [FIELD_KEYS.map((k) => FIELDS[k].header).join(',')];
    for (let i = 0; i < ROWS; i++) {
      // Every third row's files are missing; the others have a photo and a PDF of their own.
      const here = i % 3 !== 0;
      if (here) {
        copyFileSync(jpg, join(assets, `p${i}.jpg`));
        copyFileSync(pdf, join(assets, `a${i}.pdf`));
      }
      const values = { ...GOOD_ROW, photo: here ? `p${i}.jpg` : `gone${i}.jpg`, attachment: here ? `a${i}.pdf` : `gone${i}.pdf` };
      lines.push(FIELD_KEYS.map((k) => String(values[k] ?? '')).join(','));
    }
    const input = join(dir, 'records.csv');
    writeFileSync(input, `${lines.join('\n')}\n`);
    const sink = recorder();
    const result = await runCheck({ inputs: [input], assets, noOut: true, lang: 'zh', sinks: [sink], today: { y: 2026, m: 12, d: 1 } });
    const data = sink.rows.filter((r) => r.role === 'data');
    expect(data.map((r) => r.row)).toEqual(Array.from({ length: ROWS }, (_, i) => i + 2));
    for (const r of data) {
      const i = r.row - 2;
      const photo = r.assets!.photo;
      const attachment = r.assets!.attachment;
      if (i % 3 === 0) {
        expect([photo.status, attachment.status]).toEqual(['missing', 'missing']);
      } else {
        expect(photo.status === 'found' && photo.file.rel).toBe(`p${i}.jpg`);
        expect(photo.status === 'found' && photo.file.image?.decoded).toBe(true);
        expect(attachment.status === 'found' && attachment.file.rel).toBe(`a${i}.pdf`);
        expect(attachment.status === 'found' && attachment.file.pdf?.status).toBe('ok');
      }
    }
    const missing = new Set(result.findings.filter((f) => f.field === 'photo' && f.messageId === 'missing').map((f) => f.row));
    expect([...missing].sort((a, b) => a! - b!)).toEqual(data.filter((r) => (r.row - 2) % 3 === 0).map((r) => r.row));
  });
});
