/** The annotated workbook (or the --fix copy) of one input as a sink of its check: rows in, the workbook out. */
import type { SheetInfo } from '../read/types.js';
import type { RowSink, SinkInput, SinkOutcome, SinkRow } from './sink.js';
import type { CheckResult } from './types.js';
import type { AnnotatedWorkbook, AnnotatedWorkbookOptions } from './xlsx/annotated.js';
import { writerRow } from './xlsx/writer-row.js';

export class AnnotatedSink implements RowSink {
  private sheet: SheetInfo | null = null;

  private constructor(private readonly writer: AnnotatedWorkbook) {}

  /** A write that failed while the rows came (a full disk): the workbook's failure, not the input's. */
  private readonly failed = (err: unknown): never => {
    throw this.writer.outputError(err);
  };

  /**
   * Opens the workbook (the writer is loaded only when a workbook is written), in a thread of its own for a large
   * input (./annotated-thread.ts); an InputError when it cannot be.
   */
  static async create(out: string, opts: AnnotatedWorkbookOptions): Promise<RowSink> {
    const { ThreadedAnnotatedSink, writeInThread } = await import('./annotated-thread.js');
    if (writeInThread(opts.inputPath)) return ThreadedAnnotatedSink.create(out, opts);
    const { AnnotatedWorkbook } = await import('./xlsx/annotated.js');
    return new AnnotatedSink(await AnnotatedWorkbook.create(out, opts));
  }

  get notices(): AnnotatedWorkbook['notices'] {
    return this.writer.notices;
  }

  async startSheet(sheet: SheetInfo, input: SinkInput): Promise<void> {
    this.writer.date1904 = input.date1904;
    this.sheet = sheet;
    await this.writer.startSheet(sheet).catch(this.failed);
  }

  async addRows(rows: readonly SinkRow[]): Promise<void> {
    const withValues = this.writer.writesValues;
    for (const r of rows) this.writer.addRow(writerRow(r, this.sheet, withValues));
    // The sheet is written up to the rows given so far, and I/O gets its turn.
    await this.writer.drain().catch(this.failed);
  }

  async endSheet(sheet: SheetInfo): Promise<void> {
    await this.writer.endSheet(sheet.merges).catch(this.failed);
  }

  async finish(result: CheckResult): Promise<SinkOutcome> {
    await this.writer.finish(result);
    return {};
  }

  abort(): Promise<void> {
    return this.writer.abort();
  }
}
