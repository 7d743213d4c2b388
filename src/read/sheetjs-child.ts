/**
 * The reading process of an .xls/.et or .ods (started by ./sheetjs-process.ts, one per input): sniffs the
 * file, has SheetJS parse it whole, and sends the read events back in batches (./channel.ts). Its heap is
 * capped by its own --max-old-space-size; whatever goes wrong in here (a full heap, a native crash) ends this
 * process only, and the parent turns that into one sentence. Nothing is written to stdout or stderr.
 */
import { InputError } from '../errors.js';
import { Credits, errorMessage, sendEvents, type ReaderMessage } from './channel.js';
import { SheetjsReader } from './sheetjs.js';
import { sniff } from './sniff.js';
import type { InputReader, ReadOptions } from './types.js';

export type ChildRequest = { type: 'open'; path: string; options: ReadOptions; heapMb: number } | { type: 'credit' };

const credits = new Credits();
const send = (m: ReaderMessage): void => {
  // The parent may be gone already (then 'disconnect' ends this process).
  process.send?.(m, undefined, undefined, () => {});
};

/** A JavaScript error that says the heap is full (V8 usually ends the process instead, which the parent sees). */
function outOfMemory(err: unknown): boolean {
  return err instanceof RangeError && /allocation failed|out of memory|invalid (array|string|typed array) length/i.test(err.message);
}

/**
 * What openInput (./index.ts) does, without loading the .xlsx and text readers (exceljs, csv-parse) that an
 * .xls/.ods does not need: a process per input starts in half the time.
 */
async function open(path: string, options: ReadOptions): Promise<InputReader> {
  const kind = await sniff(path, options);
  if (kind.format === 'xls') return SheetjsReader.open(path, 'xls', options, kind.stream === 'Book');
  if (kind.format === 'ods') return SheetjsReader.open(path, 'ods', options);
  // The file was replaced since the parent looked: read it as openInput would.
  return (await import('./index.js')).openInput(path, options);
}

async function read(m: Extract<ChildRequest, { type: 'open' }>): Promise<void> {
  try {
    const reader = await open(m.path, m.options);
    send({ type: 'ready', format: reader.format });
    await sendEvents(reader, send, credits);
  } catch (err) {
    send(errorMessage(outOfMemory(err) ? new InputError('too-large', { path: m.path, detail: `heap > ${m.heapMb} MB` }) : err));
  }
}

process.on('message', (m: ChildRequest) => {
  if (m.type === 'credit') credits.give();
  else if (m.type === 'open') void read(m);
});
// The parent is done with this input, or gone.
process.on('disconnect', () => process.exit(0));
// Ctrl-C (or a closed terminal) reaches the whole process group: cert-check decides what happens, and it ends
// this process on its way out.
for (const signal of ['SIGINT', 'SIGHUP'] as const) process.on(signal, () => {});
