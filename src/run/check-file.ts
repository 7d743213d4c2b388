/** One input of a run: its rows read, checked in batches with their files, and handed to the sinks. */
import type { AssetInspector } from '../assets/types.js';
import type { Engine } from '../engine/engine.js';
import type { MessageBook } from '../engine/messages.js';
import type { Finding } from '../engine/types.js';
import { InputError } from '../errors.js';
import { buildRecord, isBlankRow, type CertRecord, type ColumnMap } from '../model/record.js';
import { noHeaderError } from '../read/index.js';
import type { InputReader, RowRole, SheetInfo } from '../read/types.js';
import type { RowSink, SinkInput, SinkRow } from '../report/sink.js';
import type { CellFix, FileResult, SheetResult } from '../report/types.js';
import { applyFixes, correctedRow, type Corrector } from './fixes.js';
import type { CheckOptions, RunResult } from './types.js';

/** Rows checked together: their assets are inspected concurrently before the rules see them. */
const BATCH = 256;
/** Batches whose files are being inspected while an earlier one is checked (only when files are inspected). */
const BATCHES_AHEAD = 2;

interface Pending {
  row: number;
  role: RowRole;
  values: unknown[];
  numFmts?: (string | number | undefined)[];
  record: CertRecord | null;
}

/** What every input of a run shares. */
export interface RunState {
  opts: CheckOptions;
  engine: Engine;
  inspector: AssetInspector | null;
  messages: MessageBook;
  result: RunResult;
  /** The sinks of the whole run (fix list, fixed photos, registration sheets). */
  sinks: readonly RowSink[];
  /** Set when a sink wants each row as corrected. */
  corrector: Corrector | null;
  files: number;
}

/**
 * Reads one input and checks it; its annotated workbook (to `out`, or none) is a sink of this input only.
 * An InputError is the input's failure (the run goes on); an annotated workbook that cannot be written is
 * recorded as a failed output.
 */
export async function checkFile(file: string, index: number, reader: InputReader, out: string | null, state: RunState): Promise<FileResult> {
  const { opts, engine, inspector, result: run } = state;
  /** The annotated workbook could not be written: the check goes on, the output is an exit-2 failure. */
  let outError: InputError | null = null;
  const outputFailed = (err: unknown): void => {
    if (!(err instanceof InputError)) throw err;
    outError = err;
  };
  let annotated: RowSink | null = null;
  if (out) {
    try {
      // The workbook writer is loaded only when a workbook is written.
      const { AnnotatedSink } = await import('../report/annotated-sink.js');
      annotated = await AnnotatedSink.create(out, { lang: opts.lang, messages: state.messages, inputPath: file, format: reader.format, kind: opts.fix ? 'fixed' : 'annotated' });
    } catch (err) {
      outputFailed(err);
    }
  }
  const sinks = annotated ? [annotated, ...state.sinks] : [...state.sinks];
  /**
   * Hands something to every sink. The annotated workbook failing on the way (a full disk) is its failure, not
   * the input's: it is dropped and removed, and the check goes on to its report.
   */
  const feed = async (give: (sink: RowSink) => Promise<void> | undefined): Promise<void> => {
    for (const sink of [...sinks]) {
      if (sink !== annotated) {
        await give(sink);
        continue;
      }
      try {
        await give(sink);
      } catch (err) {
        outputFailed(err);
        sinks.splice(sinks.indexOf(sink), 1);
        annotated = null;
        await sink.abort();
      }
    }
  };
  const input: SinkInput = { path: file, format: reader.format, date1904: reader.date1904, assetsDir: run.assetsDir };
  const fileResult: FileResult = { path: file, sheets: [], annotated: out, notices: [], format: reader.format };
  // A copy cert-check wrote before: its own 问题清单 / 汇总 and result columns are not the clerk's sheets and columns.
  const { hasResultColumns, ownOutputNotice, previousOutput } = await import('../report/xlsx/own.js');
  const previous = reader.format === 'xlsx' ? await previousOutput(file) : null;
  let resultColumnsSeen = false;
  const findings: Finding[] = [];
  const sheets: SheetInfo[] = [];
  let sheet: SheetInfo | null = null;
  let map: ColumnMap | null = null;
  let sheetResult: SheetResult | null = null;
  let pending: Pending[] = [];
  /** Each row's asset inspection, started as the row is read: settles to null, or to what it threw. */
  let preparing: Promise<unknown>[] = [];
  /**
   * Batches read before the one being read now, their files still being inspected: the oldest is checked when
   * the next batch is full, so that the inspection threads work on later batches while the rules and the writer
   * take the earliest (the rows keep their order; a sheet's end checks them all).
   */
  const waiting: { rows: Pending[]; preparing: Promise<unknown>[] }[] = [];
  let total = 0;

  /** The batch being read is complete: it waits for its files, and the oldest waiting beyond BATCHES_AHEAD is checked. */
  const cut = async (): Promise<void> => {
    if (pending.length) waiting.push({ rows: pending, preparing });
    pending = [];
    preparing = [];
    while (waiting.length > BATCHES_AHEAD) {
      const oldest = waiting.shift()!;
      await check(oldest.rows, oldest.preparing);
    }
  };

  /** Every row read so far is checked and handed to the sinks. */
  const flush = async (): Promise<void> => {
    await cut();
    while (waiting.length) {
      const oldest = waiting.shift()!;
      await check(oldest.rows, oldest.preparing);
    }
  };

  const check = async (batch: Pending[], inspections: Promise<unknown>[]): Promise<void> => {
    const failed = (await Promise.all(inspections)).find((e) => e !== null);
    if (failed !== undefined) throw failed;
    const rows: SinkRow[] = [];
    for (const p of batch) {
      let changes: CellFix[] = [];
      if (p.record && opts.fix && map) ({ record: p.record, values: p.values, changes } = applyFixes(engine, p.record, p.values, map, p.numFmts, reader.date1904));
      const assets = p.record && inspector ? inspector.facts.forRecord(p.record) : null;
      const rowFindings = p.record ? engine.check(p.record) : [];
      for (const f of rowFindings) findings.push(f);
      for (const c of changes) run.fixes?.push(c);
      const row: SinkRow = { row: p.row, role: p.role, values: p.values, numFmts: p.numFmts, record: p.record, findings: rowFindings, changes, assets };
      if (state.corrector && p.record && map) {
        row.corrected = correctedRow(state.corrector, { record: p.record, values: p.values, numFmts: p.numFmts, findings: rowFindings, changes, assets }, map, reader.date1904, Boolean(opts.fix));
      }
      rows.push(row);
      if (p.record) total++;
    }
    const lastRead = batch.at(-1)?.row ?? 0;
    // The annotated workbook first: with the reading thread ahead, batches follow each other as microtasks,
    // and its sink gives I/O a turn (the writer's deflate and file callbacks) so the sheet never piles up in memory.
    await feed((sink) => sink.addRows(rows));
    if (lastRead) {
      opts.onProgress?.({
        file, fileIndex: index, files: state.files, sheet: sheet?.name ?? null, row: lastRead, lastRow: sheet?.lastRow ?? null, rows: total,
      });
    }
  };

  try {
    for await (const ev of reader.events()) {
      switch (ev.type) {
        case 'sheet-start':
          sheet = ev.sheet;
          resultColumnsSeen ||= hasResultColumns(ev.sheet);
          map = ev.sheet.header?.map ?? null;
          sheetResult = ev.sheet.header ? { name: ev.sheet.name, headerRow: ev.sheet.header.row, rows: 0 } : null;
          if (sheetResult) fileResult.sheets.push(sheetResult);
          await feed((sink) => sink.startSheet?.(ev.sheet, input));
          break;
        case 'row': {
          let record: CertRecord | null = null;
          if (ev.role === 'data' && map && sheet && !isBlankRow(ev.values, map)) {
            record = buildRecord({ file, sheet: sheet.name, row: ev.row, values: ev.values, numFmts: ev.numFmts, date1904: reader.date1904 }, map);
            sheetResult!.rows++;
            if (record.v.idNumber) run.idValues.add(record.v.idNumber);
            // Inspect the row's files now, while the rest of the batch is read; the batch waits for all of them.
            if (inspector) preparing.push(inspector.prepare([record]).then(() => null, (err: unknown) => err));
          }
          pending.push({ row: ev.row, role: ev.role, values: ev.values, numFmts: ev.numFmts, record });
          if (pending.length >= BATCH) await (inspector ? cut() : flush());
          break;
        }
        case 'sheet-end':
          sheets.push(ev.sheet);
          await flush();
          await feed((sink) => sink.endSheet?.(ev.sheet));
          sheet = null;
          map = null;
          break;
        case 'notice': {
          const notice = ownOutputNotice(ev.notice, previous, resultColumnsSeen);
          if (notice) fileResult.notices.push(notice);
          break;
        }
        case 'last-row':
          if (sheet) sheet.lastRow ??= ev.row;
          break;
      }
    }
    await flush();
    const noHeader = noHeaderError(file, sheets);
    if (noHeader) throw noHeader;
    for (const f of findings) run.findings.push(f); // no spread: 10⁵+ findings overflow the stack
    if (annotated) {
      fileResult.notices.unshift(...(annotated.notices ?? []));
      try {
        const finishing = annotated.finish({ ...run, files: [fileResult], findings });
        // The last input: while its workbook is finished (on its own thread, for a large one), the report is prepared.
        if (index === state.files - 1 && opts.whileWriting) {
          finishing.catch(() => undefined); // awaited just below
          opts.whileWriting({ ...run, files: [...run.files, fileResult] });
        }
        await finishing;
      } catch (err) {
        outputFailed(err);
      }
    }
    if (out) {
      const failed = outError as InputError | null;
      if (failed) {
        fileResult.annotated = null;
        run.failures.push({ path: out, error: failed, kind: 'output' });
      }
      run.outputs.push({ path: out, kind: opts.fix ? 'fixed' : 'checked', written: !failed });
    }
    return fileResult;
  } catch (err) {
    await annotated?.abort();
    throw err;
  }
}
