/** The exceljs gateway in a process of its own: it patches exceljs's XML parser before exceljs loads, or refuses to go on. */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const gateway = pathToFileURL(join(root, 'dist/src/read/exceljs-utf8.js')).href;

function node(script: string): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('src/read/exceljs-utf8.ts', () => {
  it('loads exceljs with the streaming UTF-8 parser in place', () => {
    const r = node(`
      import { createRequire } from 'node:module';
      const { default: ExcelJS } = await import(${JSON.stringify(gateway)});
      const require = createRequire(${JSON.stringify(join(root, 'package.json'))});
      const parseSax = require('exceljs/lib/utils/parse-sax.js');
      console.log(typeof ExcelJS.Workbook, parseSax[Symbol.for('cert-check.exceljs-utf8')] === true, require('exceljs') === ExcelJS);
    `);
    expect(r.err).toBe('');
    expect(r.out.trim()).toBe('function true true');
  });

  it('refuses to go on when exceljs was loaded first (its modules would keep the parser that cuts characters)', () => {
    const r = node(`
      import { createRequire } from 'node:module';
      createRequire(${JSON.stringify(join(root, 'package.json'))})('exceljs');
      await import(${JSON.stringify(gateway)});
    `);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('exceljs was loaded before its UTF-8 patch');
  });
});
