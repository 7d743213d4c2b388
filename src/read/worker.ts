/**
 * The reading thread: sniffs and reads one input with the ordinary readers and posts its events to the main
 * thread in batches, a few batches ahead at most (./channel.ts), so reading the next rows overlaps checking
 * and writing the previous ones on a second core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Credits, errorMessage, sendEvents, type ReaderMessage } from './channel.js';
import { openInput } from './index.js';
import type { ReadOptions } from './types.js';

const data = workerData as { path?: string; options?: ReadOptions; warm?: boolean };
const port = parentPort!;
const credits = new Credits();

const send = (m: ReaderMessage): void => port.postMessage(m);

async function main(path: string, options: ReadOptions): Promise<void> {
  const reader = await openInput(path, options);
  send({ type: 'ready', format: reader.format });
  await sendEvents(reader, send, credits);
}

const start = (path: string, options: ReadOptions): void => {
  main(path, options).catch((err: unknown) => send(errorMessage(err)));
};

port.on('message', (m: { type: 'credit' } | { type: 'open'; path: string; options: ReadOptions }) => {
  if (m.type === 'credit') credits.give();
  else if (m.type === 'open') start(m.path, m.options);
});

// Started ahead (./threaded.ts prewarmReader): exceljs is loaded while the main thread loads its own modules, and
// the input is opened when the main thread names it. Otherwise the input is given at once.
if (data.warm) void import('./exceljs-utf8.js').catch(() => undefined);
else start(data.path!, data.options ?? {});
