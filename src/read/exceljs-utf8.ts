/**
 * exceljs 4.4 decodes every chunk of XML on its own (lib/utils/parse-sax.js: `textDecoder.decode(chunk)`
 * without `stream: true`), so a Chinese character whose three UTF-8 bytes straddle two chunks of the
 * inflated sheet becomes two U+FFFD: in any sheet longer than a chunk (~16 KB of XML) names, committees
 * and titles come back corrupted at random places, and the rules then report problems the clerk never
 * typed. This module replaces exceljs' parse-sax with the same generator decoding in streaming mode (one
 * decoder per XML part). It must be evaluated before exceljs is: every module of src/ that imports
 * exceljs imports this module first (ES modules evaluate their imports in order).
 */
import { createRequire } from 'node:module';

interface SaxParser {
  on(event: string, fn: (value: unknown) => void): void;
  write(text: string): void;
}

const require = createRequire(import.meta.url);
const parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
const fromExceljs = createRequire(parseSaxPath);
const { SaxesParser } = fromExceljs('saxes') as { SaxesParser: new () => SaxParser };
const { PassThrough } = fromExceljs('readable-stream') as typeof import('node:stream');

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

fromExceljs(parseSaxPath);
const cached = require.cache[parseSaxPath];
if (cached) cached.exports = parseSax;

/** True when exceljs' XML parser is the streaming-decoding one (false if exceljs was loaded first). */
export function exceljsUtf8Patched(): boolean {
  return require.cache[parseSaxPath]?.exports === parseSax;
}
