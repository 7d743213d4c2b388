/**
 * The exceljs test files (read-only): real exports from Excel, Google Sheets and LibreOffice, bug-report
 * files, invalid XML, charts, images, 1904 dates, a whole-sheet data validation. Every one must end
 * with events or an InputError, never another exception (the per-file timeout bounds the time).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXCELJS_CORPUS } from '../helpers/paths.js';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { collect } from './files.js';

const DIR = EXCELJS_CORPUS;
const FILES = readdirSync(DIR).filter((f) => /\.(xlsx|csv)$/i.test(f)).sort();

describe('exceljs corpus', () => {
  it('is there', () => expect(FILES.length).toBeGreaterThan(30));

  it.each(FILES)('%s', async (name) => {
    try {
      const { events } = await collect(join(DIR, name));
      const starts = events.filter((e) => e.type === 'sheet-start').length;
      expect(starts).toBeGreaterThan(0);
      expect(events.filter((e) => e.type === 'sheet-end').length).toBe(starts);
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
    }
  }, 10_000);

  it.each([
    ['invalid-xml.xlsx', 'corrupt-xlsx'],
    ['missing-bits.xlsx', 'corrupt-xlsx'],
  ])('%s → %s', async (name, id) => {
    await expect(collect(join(DIR, name))).rejects.toMatchObject({ name: 'InputError', id });
  });

  it('knows 1904.xlsx uses the 1904 date system', async () => {
    expect((await collect(join(DIR, '1904.xlsx'))).reader.date1904).toBe(true);
  });

  it('reads sheets in tab order when the file stores them in another order', async () => {
    const { sheets } = await collect(join(DIR, 'test-issue-257.xlsx'));
    expect(sheets.map((s) => [s.name, s.position])).toEqual([['First', 0], ['Second', 1]]);
  });
});
