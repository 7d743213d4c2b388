/**
 * The one door to exceljs in src/ (test/architecture.test.ts keeps it so): it patches exceljs's XML parser,
 * loads exceljs, checks that the patch took, and hands out exceljs and the XML parser it brings (saxes).
 *
 * exceljs 4.4 decodes every chunk of XML on its own (lib/utils/parse-sax.js: `textDecoder.decode(chunk)`
 * without `stream: true`), so a Chinese character whose three UTF-8 bytes straddle two chunks of the
 * inflated sheet becomes two U+FFFD: in any sheet longer than a chunk (~16 KB of XML) names, committees
 * and titles come back corrupted at random places, and the rules then report problems the clerk never
 * typed. This module replaces exceljs's parse-sax with the same generator decoding in streaming mode (one
 * decoder per XML part) before exceljs is loaded: exceljs's modules keep the parser they were given when they
 * were loaded, so an exceljs loaded elsewhere first would keep the broken one, and this module refuses to go
 * on. package.json pins exceljs exactly: the patch, and the parsers src/read/xlsx.ts borrows, are its internals.
 */
import { createRequire } from 'node:module';

/** The parts of saxes's parser that are used. */
export interface SaxParser {
  on(event: 'opentag' | 'closetag', fn: (tag: { name: string; attributes: Record<string, string> }) => void): void;
  on(event: 'text', fn: (text: string) => void): void;
  on(event: 'error', fn: (err: Error) => void): void;
  write(text: string): void;
  close(): void;
}

const require = createRequire(import.meta.url);
const parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
const fromExceljs = createRequire(parseSaxPath);
/** The XML parser exceljs uses, for the parts src/read/xlsx.ts parses itself. */
export const { SaxesParser } = fromExceljs('saxes') as { SaxesParser: new (opts?: { position?: boolean }) => SaxParser };
const { PassThrough } = fromExceljs('readable-stream') as typeof import('node:stream');

/** Marks the patched parser, whichever copy of this module installed it (a test worker evaluates it once per file). */
const PATCHED = Symbol.for('cert-check.exceljs-utf8');

async function* parseSax(iterable: unknown): AsyncGenerator<{ eventType: string; value: unknown }[]> {
  // Old-style streams without async iteration are upgraded, as exceljs does.
  const it = iterable as { pipe?: (s: unknown) => unknown; [Symbol.asyncIterator]?: unknown };
  const source = (typeof it.pipe === 'function' && !it[Symbol.asyncIterator] ? it.pipe(new PassThrough()) : iterable) as AsyncIterable<unknown>;
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error: unknown;
  parser.on('error', (err) => {
    error = err;
  });
  let events: { eventType: string; value: unknown }[] = [];
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of source) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true }));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}
Object.defineProperty(parseSax, PATCHED, { value: true });

const patched = (): boolean => Boolean((require.cache[parseSaxPath]?.exports as Record<symbol, unknown> | undefined)?.[PATCHED]);

// exceljs's modules take parse-sax when exceljs loads: patched first, unless exceljs was loaded (patched) already.
if (!require.cache[require.resolve('exceljs')]) {
  fromExceljs(parseSaxPath);
  require.cache[parseSaxPath]!.exports = parseSax;
}
const ExcelJS = require('exceljs') as typeof import('exceljs');
if (!patched()) {
  throw new Error('cert-check: exceljs was loaded before its UTF-8 patch (src/read/exceljs-utf8.ts): import exceljs through this module only');
}

export default ExcelJS;
