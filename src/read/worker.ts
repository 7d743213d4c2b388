/**
 * The reading thread: sniffs and reads one input with the ordinary readers and posts its events to the main
 * thread in batches, a few batches ahead at most (./channel.ts), so reading the next rows overlaps checking
 * and writing the previous ones on a second core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Credits, errorMessage, sendEvents, type ReaderMessage } from './channel.js';
import { openInput } from './index.js';
import type { ReadOptions } from './types.js';

const data = workerData as { path: string; options: ReadOptions; later?: boolean };
const port = parentPort!;
const credits = new Credits();
/** Opened ahead (./threaded.ts prewarmReader): the rest of the options come in a message. */
let giveOptions: ((options: ReadOptions) => void) | null = null;
const later = data.later ? new Promise<ReadOptions>((resolve) => (giveOptions = resolve)) : null;

port.on('message', (m: { type: 'credit' } | { type: 'options'; options: ReadOptions }) => {
  if (m.type === 'credit') credits.give();
  else if (m.type === 'options') giveOptions?.(m.options);
});

const send = (m: ReaderMessage): void => port.postMessage(m);

async function main(): Promise<void> {
  const reader = await openInput(data.path, data.options, later);
  send({ type: 'ready', format: reader.format });
  await sendEvents(reader, send, credits);
}

main().catch((err: unknown) => send(errorMessage(err)));
