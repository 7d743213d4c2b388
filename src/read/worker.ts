/**
 * The reading thread: sniffs and reads one input with the ordinary readers and posts its events to the main
 * thread in batches, a few batches ahead at most (the main thread hands back a credit for each batch it took),
 * so reading the next rows overlaps checking and writing the previous ones on a second core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { openInput } from './index.js';
import type { ReadEvent, ReadOptions } from './types.js';
import type { WorkerMessage } from './threaded.js';

const { path, options } = workerData as { path: string; options: ReadOptions };
const port = parentPort!;
const BATCH = 256;
const AHEAD = 2;

let credits = AHEAD;
let wake: (() => void) | null = null;
port.on('message', (m: { type: 'credit' }) => {
  if (m.type !== 'credit') return;
  credits++;
  wake?.();
  wake = null;
});

const send = (m: WorkerMessage): void => port.postMessage(m);

async function main(): Promise<void> {
  const reader = await openInput(path, options);
  send({ type: 'ready', format: reader.format });
  let batch: ReadEvent[] = [];
  const flush = async (): Promise<void> => {
    if (!batch.length) return;
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    send({ type: 'events', events: batch, date1904: reader.date1904 });
    batch = [];
  };
  for await (const ev of reader.events()) {
    batch.push(ev);
    if (batch.length >= BATCH || ev.type === 'sheet-start') await flush();
  }
  await flush();
  send({ type: 'end' });
}

main().catch((err: unknown) => {
  if (err instanceof InputError) send({ type: 'error', input: { id: err.id, data: err.data } });
  else send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
});
