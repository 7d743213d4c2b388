/**
 * The compound file of an .xls is checked whole before SheetJS sees it (src/read/cfb.ts), and an .ods's
 * content.xml is counted with its repeats (src/read/ods-scan.ts). The hostile corpus runs the same faults
 * through the CLI; here each structure is checked on its own.
 */
import { open } from 'node:fs/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CfbError, hasFilePass, inspectCfb } from '../../src/read/cfb.js';
import { OdsCounter } from '../../src/read/ods-scan.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { mapCfb } from '../hostile/cfb-edit.js';
import { makeTempDir } from './files.js';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());
const XLS = readFileSync(`${REPO_ROOT}/test/fixtures/formats/records.xls`);

async function inspect(buf: Buffer) {
  const p = tmp.file(`x${Math.random().toString(36).slice(2)}.xls`);
  writeFileSync(p, buf);
  const fh = await open(p, 'r');
  try {
    return await inspectCfb(fh, buf.length);
  } finally {
    await fh.close();
  }
}

async function damage(buf: Buffer): Promise<string> {
  try {
    await inspect(buf);
  } catch (e) {
    expect(e).toBeInstanceOf(CfbError);
    return (e as Error).message;
  }
  throw new Error('no CfbError');
}

describe('inspectCfb', () => {
  it('reads the directory of a sound .xls', async () => {
    const facts = await inspect(XLS);
    expect(facts.workbook).toBe('Workbook');
    expect(facts.biffEncrypted).toBe(false);
    expect(facts.names).toContain('\u0005SummaryInformation');
  });

  it.each([
    ['a FAT chain that loops', (b: Buffer) => {
      const m = mapCfb(b);
      const chain = m.chain(m.entries.find((e) => e.name === 'Workbook')!.start);
      b.writeUInt32LE(chain[1]!, m.fatEntry(chain[5]!));
    }, /loops/],
    ['a chain that leaves the file', (b: Buffer) => {
      const m = mapCfb(b);
      b.writeUInt32LE(100_000, m.entries.find((e) => e.name === 'Workbook')!.offset + 116);
    }, /beyond the end/],
    ['a directory entry linked twice', (b: Buffer) => {
      const m = mapCfb(b);
      const i = m.entries.findIndex((e) => e.name === 'Workbook');
      b.writeUInt32LE(i, m.entries.find((e) => e.name === '\u0005SummaryInformation')!.offset + 68);
      b.writeUInt32LE(i, m.entries.find((e) => e.name === '\u0005SummaryInformation')!.offset + 72);
    }, /linked twice/],
    ['a stream longer than its chain', (b: Buffer) => {
      const m = mapCfb(b);
      b.writeUInt32LE(1 << 24, m.entries.find((e) => e.name === 'Workbook')!.offset + 120);
    }, /shorter than declared/],
    ['more FAT sectors than the file holds', (b: Buffer) => b.writeUInt32LE(1_000_000, 0x2c), /FAT sectors/],
    ['a bad sector size', (b: Buffer) => b.writeUInt16LE(7, 0x1e), /sector shift/],
    ['a broken chain', (b: Buffer) => {
      const m = mapCfb(b);
      const chain = m.chain(m.entries.find((e) => e.name === 'Workbook')!.start);
      b.writeUInt32LE(0xfffffffd, m.fatEntry(chain[2]!));
    }, /broken FAT chain/],
  ])('%s', async (_name, edit, says) => {
    const b = Buffer.from(XLS);
    edit(b);
    expect(await damage(b)).toMatch(says);
  });

  it('a file cut short', async () => {
    expect(await damage(XLS.subarray(0, 4000))).toMatch(/beyond the end|shorter/);
    expect(await damage(XLS.subarray(0, 600))).toMatch(/shorter than one header/);
  });
});

describe('hasFilePass', () => {
  const rec = (type: number, data: number[]) => Buffer.from([type & 0xff, type >> 8, data.length & 0xff, data.length >> 8, ...data]);
  it.each([
    ['BOF then FILEPASS', [rec(0x0809, [0, 6, 5, 0]), rec(0x002f, [0, 0])], true],
    ['BOF, INTERFACEHDR, FILEPASS', [rec(0x0809, [0, 6]), rec(0x00e1, [0xb0, 4]), rec(0x002f, [1, 0])], true],
    ['no FILEPASS before the first sheet', [rec(0x0809, [0, 6]), rec(0x0085, [0, 0, 0, 0]), rec(0x002f, [0, 0])], false],
    ['not BIFF', [rec(0x1234, [1]), rec(0x002f, [0, 0])], false],
  ])('%s → %s', (_name, records, want) => expect(hasFilePass(Buffer.concat(records))).toBe(want));
});

describe('OdsCounter', () => {
  const xml = '<table:table table:name="a"><table:table-row><table:table-cell office:value-type="string"><text:p>姓名</text:p></table:table-cell>'
    + '<table:table-cell table:number-columns-repeated="3"/></table:table-row>'
    + '<table:table-row table:number-rows-repeated="5"><table:table-cell table:number-columns-repeated="4" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>'
    + '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    + '<table:table-row><table:table-cell><text:p>无类型</text:p></table:table-cell></table:table-row>'
    + '</table:table><table:table table:name="b"/>';

  it('counts rows and cells with values, repeats included, wherever the chunks are cut', () => {
    for (const size of [1, 7, 64, xml.length]) {
      const c = new OdsCounter();
      const bytes = Buffer.from(xml, 'utf8');
      for (let i = 0; i < bytes.length; i += size) c.push(bytes.subarray(i, i + size));
      expect({ rows: c.valueRows, cells: c.cells, tables: c.tables }, `chunks of ${size}`).toEqual({ rows: 7, cells: 1 + 20 + 1, tables: 2 });
    }
  });
});
