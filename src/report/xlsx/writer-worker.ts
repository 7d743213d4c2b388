/**
 * The writing thread: one annotated workbook (or --fix copy) written off the main thread, so that streaming the
 * input's sheet through, formatting every problem into notes and result cells, and compressing the parts run on
 * another core while the main thread checks the next rows. It holds an AnnotatedWorkbook and does what the main
 * thread's ThreadedAnnotatedSink (../annotated-thread.ts) asks, one request at a time, in order; each gets a reply
 * with the workbook's notices, or the error that ended it. Its temporary file's name is the main thread's, which
 * removes it on a signal.
 */
import { parentPort } from 'node:worker_threads';
import { MessageBook } from '../../engine/messages.js';
import type { Finding } from '../../engine/types.js';
import { errorMessage } from '../../read/channel.js';
import type { CheckResult } from '../types.js';
import { AnnotatedWorkbook } from './annotated.js';
import type { WriterReply, WriterRequest } from './writer-protocol.js';

const port = parentPort!;
let book: AnnotatedWorkbook | null = null;
let messages = new MessageBook([]);
/** Every finding of the rows given, in order: the workbook's 问题清单 and 汇总 are made of them. */
const findings: Finding[] = [];
/** The first failure: every later request gets it. */
let failed: WriterReply['error'] | null = null;

async function handle(m: WriterRequest): Promise<void> {
  switch (m.type) {
    case 'create':
      messages = new MessageBook(m.rules);
      book = await AnnotatedWorkbook.create(m.out, { ...m.opts, messages });
      return;
    case 'start-sheet':
      book!.date1904 = m.date1904;
      await book!.startSheet(m.sheet);
      return;
    case 'rows':
      for (const r of m.rows) {
        for (const f of r.findings) findings.push(f);
        book!.addRow(r);
      }
      await book!.drain();
      return;
    case 'end-sheet':
      await book!.endSheet(m.merges);
      return;
    case 'finish': {
      for (const f of m.extra) findings.push(f);
      const result: CheckResult = { files: m.files, findings, messages, startedAt: m.startedAt };
      await book!.finish(result);
      return;
    }
    case 'abort':
      await book?.abort();
      return;
  }
}

let queue = Promise.resolve();
port.on('message', (m: WriterRequest) => {
  queue = queue.then(async () => {
    if (!failed) {
      try {
        await handle(m);
      } catch (err) {
        failed = errorMessage(book ? book.outputError(err) : err);
        if (m.type !== 'abort') await book?.abort().catch(() => undefined);
      }
    }
    const reply: WriterReply = { id: m.id, notices: book ? [...book.notices] : [], ...(failed ? { error: failed } : {}) };
    port.postMessage(reply);
  });
});
