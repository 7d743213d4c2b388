/** The annotated workbook (or the --fix copy) of one input as a sink of its check: rows in, the workbook out. */
import type { SheetInfo } from '../read/types.js';
import type { RowSink, SinkInput, SinkOutcome, SinkRow } from './sink.js';
import type { CheckResult } from './types.js';
import type { AnnotatedWorkbook, AnnotatedWorkbookOptions } from './xlsx/annotated.js';

export class AnnotatedSink implements RowSink {
  private constructor(private readonly writer: AnnotatedWorkbook) {}

  /** Opens the workbook (the writer is loaded only when a workbook is written); an InputError when it cannot be. */
  static async create(out: string, opts: AnnotatedWorkbookOptions): Promise<AnnotatedSink> {
    const { AnnotatedWorkbook } = await import('./xlsx/annotated.js');
    return new AnnotatedSink(await AnnotatedWorkbook.create(out, opts));
  }

  get notices(): AnnotatedWorkbook['notices'] {
    return this.writer.notices;
  }

  async startSheet(sheet: SheetInfo, input: SinkInput): Promise<void> {
    this.writer.date1904 = input.date1904;
    await this.writer.startSheet(sheet);
  }

  async addRows(rows: readonly SinkRow[]): Promise<void> {
    for (const r of rows) this.writer.addRow(r.row, r.role, r.values, r.findings, r.numFmts, r.changes);
    // The sheet is written up to the rows given so far, and I/O gets its turn.
    await this.writer.drain();
  }

  async endSheet(sheet: SheetInfo): Promise<void> {
    await this.writer.endSheet(sheet.merges);
  }

  async finish(result: CheckResult): Promise<SinkOutcome> {
    await this.writer.finish(result);
    return {};
  }

  abort(): Promise<void> {
    return this.writer.abort();
  }
}
