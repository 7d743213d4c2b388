/** One input of a run: its rows read, checked in batches with their files, and handed to the annotated workbook. */
import { recordKey } from '../assets/index.js';
import type { AssetInspector } from '../assets/types.js';
import type { Engine } from '../engine/engine.js';
import type { MessageBook } from '../engine/messages.js';
import type { Finding } from '../engine/types.js';
import { InputError } from '../errors.js';
import type { FieldKey } from '../model/fields.js';
import { buildRecord, isBlankRow, type CertRecord, type ColumnMap, type FieldCell } from '../model/record.js';
import { noHeaderError } from '../read/index.js';
import type { InputReader, RowRole, SheetInfo } from '../read/types.js';
import type { CardSink, CheckedRow } from '../report/cards/types.js';
import type { CellFix, FileResult, SheetResult } from '../report/types.js';
import { applyFixes } from './fixes.js';
import type { OutputKind } from './outcome.js';
import type { CheckOptions, RunResult } from './types.js';

/** Rows checked together: their assets are inspected concurrently before the rules see them. */
const BATCH = 256;

interface Pending {
  row: number;
  role: RowRole;
  values: unknown[];
  numFmts?: (string | number | undefined)[];
  record: CertRecord | null;
}


export async function checkFile(
  file: string, reader: InputReader, out: string | null, opts: CheckOptions, engine: Engine, inspector: AssetInspector | null,
  messages: MessageBook, run: RunResult, position: { index: number; count: number }, cards: CardsHook | null,
): Promise<FileResult> {
  const kind: OutputKind = opts.fix ? 'fixed' : 'checked';
  /** The annotated workbook could not be written: the check goes on, the output is an exit-2 failure. */
  let outError: InputError | null = null;
  const outputFailed = (err: unknown): void => {
    if (!(err instanceof InputError)) throw err;
    outError = err;
  };
  // The workbook writer is loaded only when a workbook is written.
  let writer = null as import('../report/xlsx/annotated.js').AnnotatedWorkbook | null;
  if (out) {
    try {
      writer = await (await import('../report/xlsx/annotated.js')).AnnotatedWorkbook.create(out, { lang: opts.lang, messages, inputPath: file, format: reader.format, kind: opts.fix ? 'fixed' : 'annotated' });
    } catch (err) {
      outputFailed(err);
    }
  }
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
  let total = 0;

  const flush = async (): Promise<void> => {
    const records = pending.flatMap((p) => (p.record ? [p.record] : []));
    const failed = (await Promise.all(preparing)).find((e) => e !== null);
    preparing = [];
    if (failed !== undefined) throw failed;
    const checked: CheckedRow[] = [];
    for (const p of pending) {
      let changes: CellFix[] = [];
      if (p.record && opts.fix && map) ({ record: p.record, values: p.values, changes } = applyFixes(engine, p.record, p.values, map, p.numFmts, reader.date1904));
      if (p.record) collectRow(p.record, opts, inspector, run);
      const rowFindings = p.record ? engine.check(p.record) : [];
      for (const f of rowFindings) findings.push(f);
      for (const c of changes) run.fixes?.push(c);
      writer?.addRow(p.row, p.role, p.values, rowFindings, p.numFmts, changes);
      if (cards && p.record && map) checked.push(checkedRow(cards, p, map, reader.date1904, rowFindings, changes, Boolean(opts.fix)));
    }
    if (checked.length) await cards!.sink.rows(checked, run.assetsDir);
    total += records.length;
    const lastRead = pending.at(-1)?.row ?? 0;
    pending = [];
    // Give I/O a turn: with the reading thread ahead, batches follow each other as microtasks and the
    // writer's deflate and file callbacks would wait, piling the annotated sheet up in memory.
    await writer?.drain();
    if (lastRead) {
      opts.onProgress?.({
        file, fileIndex: position.index, files: position.count, sheet: sheet?.name ?? null, row: lastRead, lastRow: sheet?.lastRow ?? null, rows: total,
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
          if (writer) {
            writer.date1904 = reader.date1904;
            await writer.startSheet(ev.sheet);
          }
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
          if (pending.length >= BATCH) await flush();
          break;
        }
        case 'sheet-end':
          sheets.push(ev.sheet);
          await flush();
          await writer?.endSheet(ev.sheet.merges);
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
    if (writer) {
      fileResult.notices.unshift(...writer.notices);
      try {
        await writer.finish({ ...run, files: [fileResult], findings });
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
      run.outputs.push({ path: out, kind, written: !failed });
    }
    return fileResult;
  } catch (err) {
    await writer?.abort();
    throw err;
  }
}


/** What --cards needs besides the sink: the engines and which rules compare rows. */
export interface CardsHook {
  sink: CardSink;
  engine: Engine;
  /** The row rules alone: they may check a row again without disturbing the set rules' state. */
  rowEngine: Engine;
  setRules: ReadonlySet<string>;
  inspector: AssetInspector | null;
}

/** Platform fields whose value the guide's rules give when the sheet has no column for them. */
const GUIDE_FIELDS: readonly FieldKey[] = ['region', 'hasSpecialty', 'authority'];

/**
 * A row as --cards sees it: after the certain corrections (those --fix applies; already applied with
 * --fix), with the problems left (the row rules again on the corrected row, the set rules' findings as they
 * were), and the value the rules give for a platform field the sheet lacks.
 */
function checkedRow(hook: CardsHook, p: Pending, map: ColumnMap, date1904: boolean, findings: Finding[], changes: CellFix[], fixed: boolean): CheckedRow {
  let record = p.record!;
  if (!fixed) {
    const f = applyFixes(hook.engine, record, p.values, map, p.numFmts, date1904);
    if (f.changes.length) {
      record = f.record;
      changes = f.changes;
      findings = [...hook.rowEngine.check(record), ...findings.filter((x) => hook.setRules.has(x.rule))];
    }
  }
  const guideValues: Partial<Record<FieldKey, string>> = {};
  const missing = GUIDE_FIELDS.filter((k) => !record.cells[k]);
  if (missing.length) {
    const cells = { ...record.cells };
    for (const k of missing) cells[k] = { column: '', address: '', header: '', kind: 'empty', text: '' } satisfies FieldCell;
    for (const f of hook.rowEngine.check({ ...record, cells })) {
      const value = f.fix ?? f.suggestion;
      if (f.field && missing.includes(f.field) && value && guideValues[f.field] === undefined) guideValues[f.field] = value;
    }
  }
  return { record, changes, findings, assets: hook.inspector?.facts.forRecord(record) ?? null, guideValues };
}

/** What --fix-list and --fix-photos need of a row: its 姓名, its photo facts. */
function collectRow(record: CertRecord, opts: CheckOptions, inspector: AssetInspector | null, run: RunResult): void {
  if (opts.collectNames && record.v.name) run.names.set(recordKey(record), record.v.name);
  if (inspector && opts.onRecordAssets) opts.onRecordAssets(record, inspector.facts.forRecord(record));
}
