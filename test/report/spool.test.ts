import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { CompressedSpool } from '../../src/report/spool.js';
import { AnnotatedWorkbook } from '../../src/report/workbook.js';
import { FULL_MAP, GOOD_ROW } from '../helpers/records.js';
import { FIELD_KEYS } from '../../src/model/fields.js';
import type { Finding } from '../../src/engine/types.js';
import type { SheetInfo } from '../../src/read/types.js';
import { fileResult, MESSAGES, result } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'cert-check-spool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(spool: CompressedSpool): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of spool.readable()) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('CompressedSpool', () => {
  it('gives back exactly what was written, across many compressed pieces, keeping Chinese characters whole', async () => {
    let ended = 0;
    const spool = new CompressedSpool(() => ended++);
    const parts: string[] = [];
    for (let i = 0; i < 40_000; i++) {
      const part = `<comment ref="B${i}"><t>身份证号末位的 x 应为大写 X（第 ${i} 行）</t></comment>`;
      parts.push(part);
      spool.write(i % 2 ? part : Buffer.from(part, 'utf8'));
    }
    spool.end('</commentList>');
    expect(ended).toBe(1);
    const text = await readAll(spool);
    expect(text).toBe(parts.join('') + '</commentList>');
    // Repetitive XML: the spool holds a small fraction of it.
    expect(spool.compressedBytes).toBeLessThan(Buffer.byteLength(text) / 5);
  });

  it('refuses a write after end, and ends once', () => {
    let ended = 0;
    const spool = new CompressedSpool(() => ended++);
    spool.end();
    spool.end();
    expect(ended).toBe(1);
    expect(() => spool.write('x')).toThrow(/after end/);
  });
});

describe('annotated workbook with many notes', () => {
  const INPUT = join(dir, 'many.xlsx');
  const info: SheetInfo = { name: '登记表', header: { row: 1, map: FULL_MAP }, columnCount: FULL_MAP.headers.length };
  const values = FIELD_KEYS.map((k) => GOOD_ROW[k] ?? null);
  const ROWS = 3000;
  const finding = (row: number): Finding => ({
    rule: 'approval-no-brackets', messageId: 'brackets', severity: 'error', file: INPUT, sheet: '登记表', row,
    column: 'J', field: 'approvalNo', header: '批准文号', value: `渝职改办〔2019〕${row}号`, data: { found: '〔〕' },
    suggestion: `渝职改办【2019】${row}号`,
  });

  it('streams the sheet (its compressor backlog is bounded) and keeps every note', async () => {
    const out = join(dir, 'many.checked.xlsx');
    const w = await AnnotatedWorkbook.create(out, { lang: 'zh', messages: MESSAGES, inputPath: INPUT });
    w.startSheet(info);
    w.addRow(1, 'header', FULL_MAP.headers, []);
    const all: Finding[] = [];
    let maxBuffered = 0;
    let minSeenBeforeDrain = Infinity;
    for (let r = 2; r <= ROWS + 1; r++) {
      const f = finding(r);
      all.push(f);
      w.addRow(r, 'data', values, [f]);
      if (r % 256 === 0) {
        // What waits in the archive's PassThroughs is counted (drain() relies on it to apply backpressure).
        minSeenBeforeDrain = Math.min(minSeenBeforeDrain, w.bufferedBytes());
        await w.drain();
        maxBuffered = Math.max(maxBuffered, w.bufferedBytes());
      }
    }
    expect(minSeenBeforeDrain).toBeGreaterThan(0);
    await w.endSheet();
    await w.finish(result(all, [fileResult({ path: INPUT, sheets: [{ name: '登记表', headerRow: 1, rows: ROWS }], annotated: out })]));
    expect(maxBuffered).toBeLessThanOrEqual(4 * 1024 * 1024);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('登记表')!;
    const noteOf = (row: number): string => {
      const n = ws.getCell(`J${row}`).note as string | ExcelJS.Comment | undefined;
      return typeof n === 'string' ? n : (n?.texts ?? []).map((t) => t.text).join('');
    };
    for (const row of [2, 1000, ROWS + 1]) expect(noteOf(row)).toContain(`渝职改办【2019】${row}号`);
    expect(wb.getWorksheet('问题清单')!.rowCount).toBe(ROWS + 1);
  }, 60_000);
});
