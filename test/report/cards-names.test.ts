/** The sheets' file names are safe on Windows: no forbidden characters, no trailing dots or spaces, no device names, bounded. */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_NAME_BYTES, NameRegistry, namePart, safeFileName } from '../../src/report/cards/names.js';
import { makeTempDir } from '../read/files.js';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

/** What Windows refuses in a name (and what this project refuses besides: controls and invisible characters). */
function windowsProblem(name: string): string | null {
  if (/[<>:"/\\|?*]/.test(name)) return 'forbidden character';
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control character';
  if (/[. ]$/.test(name)) return 'trailing dot or space';
  if (/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i.test(name)) return 'reserved device name';
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) return 'too long';
  if (!name || name === '.html') return 'empty';
  return null;
}

describe('safeFileName', () => {
  it.each([
    { parts: ['0001', '张三', '工程师'], want: '0001-张三-工程师.html' },
    { parts: ['0004', '赵<六>&"\'', '工程师'], want: "0004-赵_六_&_'-工程师.html" },
    { parts: ['0002', 'a/b\\c:d', 'e|f?g*h'], want: '0002-a_b_c_d-e_f_g_h.html' },
    { parts: ['0003', '李 四 ', ' 高级工程师...'], want: '0003-李 四-高级工程师.html' },
    { parts: ['0005', '王\t五\n', '讲师'], want: '0005-王_五_-讲师.html' },
    { parts: ['0006', '零宽\u200b字符\u202e', '教师'], want: '0006-零宽_字符_-教师.html' },
    { parts: ['0007', '', '...', '工程师'], want: '0007-工程师.html' },
    { parts: ['0008', 'a\ud800b', '\udc00'], want: '0008-a_b-_.html' },
    { parts: ['CON'], want: '_CON.html' },
    { parts: ['nul'], want: '_nul.html' },
    { parts: ['com1'], want: '_com1.html' },
    { parts: ['LPT9'], want: '_LPT9.html' },
    { parts: ['CONSOLE'], want: 'CONSOLE.html' },
    { parts: ['', ' . '], want: 'sheet.html' },
  ])('$parts → $want', ({ parts, want }) => {
    expect(safeFileName(parts, '.html', 'sheet')).toBe(want);
    expect(windowsProblem(want)).toBeNull();
  });

  it('bounds the length in bytes, never cutting a character (surrogate pairs stay whole)', () => {
    const long = safeFileName(['0001', '𠀀'.repeat(100), '高级工程师'], '.html');
    expect(Buffer.byteLength(long, 'utf8')).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(long).toMatch(/^0001-(𠀀)+\.html$/);
    expect(long.isWellFormed()).toBe(true);
  });

  it('for any text: a name Windows accepts, that this system can create, and that reads back the same', () => {
    const written = new Set<string>();
    const registry = new NameRegistry();
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 80 }), { maxLength: 4 }), (parts) => {
        const name = registry.claim(parts, '.html', 'sheet');
        expect(windowsProblem(name), JSON.stringify(name)).toBeNull();
        expect(name.isWellFormed()).toBe(true);
        writeFileSync(join(tmp.dir, name), 'x');
        written.add(name);
      }),
      { numRuns: 300 },
    );
    expect(new Set(readdirSync(tmp.dir))).toEqual(written);
  });

  it('namePart is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
      expect(namePart(namePart(s))).toBe(namePart(s));
    }));
  });
});

describe('NameRegistry', () => {
  it('never gives the same name twice, ignoring case as Windows and macOS folders do', () => {
    const r = new NameRegistry(['0000-目录.html', 'Notes.HTML']);
    expect(r.claim(['0001', '张三', '工程师'], '.html')).toBe('0001-张三-工程师.html');
    expect(r.claim(['0001', '张三', '工程师'], '.html')).toBe('0001-张三-工程师-2.html');
    expect(r.claim(['0001', '张三', '工程师'], '.html')).toBe('0001-张三-工程师-3.html');
    expect(r.claim(['0000', '目录'], '.html')).toBe('0000-目录-2.html');
    expect(r.claim(['notes'], '.html')).toBe('notes-2.html');
    expect(r.claim(['A'], '.html')).toBe('A.html');
    expect(r.claim(['a'], '.html')).toBe('a-2.html');
  });

  it('keeps the number suffix even when the name is cut to length', () => {
    const r = new NameRegistry();
    const parts = ['0001', '长'.repeat(80)];
    const names = [r.claim(parts, '.html'), r.claim(parts, '.html'), r.claim(parts, '.html')];
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(3);
    expect(names[1]).toMatch(/-2\.html$/);
    for (const n of names) expect(Buffer.byteLength(n)).toBeLessThanOrEqual(MAX_NAME_BYTES);
  });
});
