/**
 * An inspection thread (started by src/assets/pool.ts): inspects the files of each batch it is sent, in order,
 * with synchronous reads (this thread does nothing else), and answers with one message per batch.
 */
import { parentPort } from 'node:worker_threads';
import { probe, SYNC_IO, type ProbeJob, type ProbeResult } from './probe.js';

let chain: Promise<void> = Promise.resolve();

parentPort!.on('message', (m: { jobs: [number, ProbeJob][] }) => {
  chain = chain.then(async () => {
    const results: [number, ProbeResult][] = [];
    for (const [id, job] of m.jobs) results.push([id, await probe(job, SYNC_IO)]);
    parentPort!.postMessage({ results });
  });
});
