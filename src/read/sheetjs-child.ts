/**
 * The reading process of an .xls/.et or .ods (started by ./sheetjs-process.ts, one per input): sniffs the
 * file, has SheetJS parse it whole, and sends the read events back in batches (./channel.ts). Its heap is
 * capped by its own --max-old-space-size; whatever goes wrong in here (a full heap, a native crash) ends this
 * process only, and the parent turns that into one sentence. Nothing is written to stdout or stderr.
 */
import { InputError } from '../errors.js';
import { Credits, errorMessage, sendEvents, type ReaderMessage } from './channel.js';
import { openInput } from './index.js';
import type { ReadOptions } from './types.js';

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

async function read(m: Extract<ChildRequest, { type: 'open' }>): Promise<void> {
  try {
    const reader = await openInput(m.path, m.options);
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
