/** One check run: inputs → records → rules → findings, with the annotated workbook written as rows stream by. */
import { mkdirSync, realpathSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { RULES } from '../../rules/index.js';
import { createAssetInspector, listAssetFolder, recordKey } from '../assets/index.js';
import type { AssetFolder } from '../assets/folder.js';
import type { AssetInspector, RecordAssets } from '../assets/types.js';
import { InputError, type RunWarning } from '../errors.js';
import type { OutputKind, RunPlan } from '../run/outcome.js';
import { IdValues } from '../util/id-number.js';
import type { AliasTable } from '../model/fields.js';
import { buildRecord, isBlankRow, type CertRecord, type ColumnMap } from '../model/record.js';
import { DEFAULT_MAX_ROWS, expandInputs, noHeaderError } from '../read/index.js';
import { openInputThreaded } from '../read/threaded.js';
import type { InputReader, RowRole, SheetInfo } from '../read/types.js';
import type { CellFix, CheckResult, FileResult, SheetResult } from '../report/types.js';
import type { AnnotatedWorkbook } from '../report/workbook.js';
import type { YMD } from '../model/dates.js';
import { createContext } from './context.js';
import { Engine } from './engine.js';
import { MessageBook } from './messages.js';
import type { Finding, Lang, ReferenceData, Rule, SeveritySetting } from './types.js';

export interface CheckOptions {
  inputs: string[];
  /** Folder of photos and PDFs; default: the first input's folder. Null: do not check assets. */
  assets?: string | null;
  /** Annotated workbook path (one input only). */
  out?: string;
  outDir?: string;
  /** Write no annotated workbook. */
  noOut?: boolean;
  /** Apply every certain correction and write <name>.fixed.xlsx instead of the .checked.xlsx. */
  fix?: boolean;
  lang: Lang;
  encoding?: string;
  maxRows?: number;
  cacheFile?: string;
  aliases?: AliasTable;
  severities?: Readonly<Record<string, SeveritySetting>>;
  data?: ReferenceData;
  assetPatterns?: import('../assets/naming.js').NamingPatterns;
  today?: YMD;
  rules?: readonly Rule[];
  /** Called every few hundred rows with the count so far. */
  onProgress?: (rows: number, file: string) => void;
  /** Keep every data row's 姓名 in RunResult.names (the fix list shows it beside each problem). */
  collectNames?: boolean;
  /** Called with the assets folder (absolute) before any input is read; may throw an InputError (--fix-photos). */
  onAssetsDir?: (dir: string) => void;
  /**
   * Called once before anything is written, with every input, the annotated workbook of each and the
   * assets folder as listed: the command line's output guard (src/run/output-guard.ts) refuses the run
   * here (an InputError) when an output would overwrite an input, an asset or another output.
   */
  beforeWork?: (plan: RunPlan) => void;
  /** Called for each record once its photo and attachment were found and inspected (--fix-photos). */
  onRecordAssets?: (record: CertRecord, assets: RecordAssets) => void;
}

/** The result, plus inputs that could not be read and main outputs that could not be written (exit 2). */
export interface RunResult extends CheckResult {
  /** kind 'output': an annotated workbook (or fixed copy) that could not be written; `path` is the output. */
  failures: { path: string; error: InputError; kind?: 'input' | 'output' }[];
  /** What the run could not do without spoiling the check (secondary outputs, unreadable asset names…). */
  warnings: RunWarning[];
  /** Every file written, and every output that failed (main and secondary), for the summary. */
  outputs: { path: string; kind: OutputKind; written: boolean }[];
  /** 姓名 by row (key: recordKey, i.e. file \0 sheet \0 row), with `collectNames`. */
  names: Map<string, string>;
  /** The assets folder checked (absolute), or null. */
  assetsDir: string | null;
  /** Malformed 身份证号 values, for the reports to mask wherever they appear. */
  idValues: IdValues;
}

/** Rows checked together: their assets are inspected concurrently before the rules see them. */
const BATCH = 256;

interface Pending {
  row: number;
  role: RowRole;
  values: unknown[];
  numFmts?: (string | number | undefined)[];
  record: CertRecord | null;
}

export async function runCheck(opts: CheckOptions): Promise<RunResult> {
  const startedAt = new Date();
  const files = await expandInputs(opts.inputs);
  if (opts.out && files.length > 1) throw new InputError('usage', { detail: '有多个输入文件时不能用 -o，请改用 --out-dir' });
  // The first input starts reading (on its thread) now, while the reference data and the assets load here.
  const readOptions = { encoding: opts.encoding, aliases: opts.aliases, maxRows: opts.maxRows ?? DEFAULT_MAX_ROWS };
  const firstReader = openInputThreaded(files[0]!, readOptions).then((r) => ({ r }), (error: unknown) => ({ error }));
  let firstTaken = false;
  let inspector: AssetInspector | null = null;
  try {
    const rules = opts.rules ?? RULES;
    const messages = new MessageBook(rules);
    const ctx = createContext({ today: opts.today, data: opts.data });
    const assetsDir = opts.assets === null ? null : resolve(opts.assets ?? dirname(resolve(files[0]!)));
    // Every output is known before anything is written: the guard sees them all at once.
    const taken = new Set<string>();
    const outputs = new Map<string, string | null>();
    for (const file of files) outputs.set(file, opts.noOut ? null : outputPath(file, opts, taken, files, opts.fix ? 'fixed' : 'checked'));
    let folder: AssetFolder | null = null;
    if (assetsDir) {
      opts.onAssetsDir?.(assetsDir);
      folder = await listAssetFolder({ dir: assetsDir, cacheFile: opts.cacheFile, inputs: files, ignore: [...taken] });
    }
    opts.beforeWork?.({ files, outputs, assetsDir, folder });
    if (assetsDir) {
      inspector = await createAssetInspector({ dir: assetsDir, cacheFile: opts.cacheFile, patterns: opts.assetPatterns, inputs: files, folder: folder! });
      ctx.assets = inspector.facts;
    }
    const engine = new Engine(rules, ctx, { severities: opts.severities });
    const result: RunResult = {
      files: [], findings: [], messages, startedAt, failures: [], warnings: [], outputs: [], names: new Map(), assetsDir, idValues: new IdValues(), ...(opts.fix ? { fixes: [] } : {}),
    };
    if (opts.outDir && !opts.noOut) mkdirSync(opts.outDir, { recursive: true });

    for (const [i, file] of files.entries()) {
      let reader: InputReader | null = null;
      try {
        if (i === 0) {
          firstTaken = true;
          const opened = await firstReader;
          if ('error' in opened) throw opened.error;
          reader = opened.r;
        }
        const out = outputs.get(file) ?? null;
        reader ??= await openInputThreaded(file, readOptions);
        result.files.push(await checkFile(file, reader, out, opts, engine, inspector, messages, result));
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        result.failures.push({ path: file, error: err });
      } finally {
        await reader?.close?.();
      }
    }
    for (const f of engine.finish()) result.findings.push(f); // no spread: 10⁵+ findings overflow the stack
    if (inspector) {
      const done = inspector;
      inspector = null;
      await done.close();
      result.warnings.push(...done.warnings);
      for (const path of done.written) result.outputs.push({ path, kind: 'cache', written: true });
      for (const path of done.failed) result.outputs.push({ path, kind: 'cache', written: false });
    }
    return result;
  } finally {
    await inspector?.close();
    // A run refused before the first input was taken must still end the reading thread it started.
    if (!firstTaken) {
      const opened = await firstReader;
      if ('r' in opened) await opened.r.close?.();
    }
  }
}

async function checkFile(
  file: string, reader: InputReader, out: string | null, opts: CheckOptions, engine: Engine, inspector: AssetInspector | null,
  messages: MessageBook, run: RunResult,
): Promise<FileResult> {
  const kind: OutputKind = opts.fix ? 'fixed' : 'checked';
  /** The annotated workbook could not be written: the check goes on, the output is an exit-2 failure. */
  let outError: InputError | null = null;
  const outputFailed = (err: unknown): void => {
    if (!(err instanceof InputError)) throw err;
    outError = err;
  };
  // exceljs's writer is loaded only when a workbook is written.
  let writer = null as import('../report/workbook.js').AnnotatedWorkbook | null;
  if (out) {
    try {
      writer = await (await import('../report/workbook.js')).AnnotatedWorkbook.create(out, { lang: opts.lang, messages, inputPath: file });
    } catch (err) {
      outputFailed(err);
    }
  }
  const fileResult: FileResult = { path: file, sheets: [], annotated: out, notices: [] };
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
    for (const p of pending) {
      let changes: CellFix[] = [];
      if (p.record && opts.fix && map) ({ record: p.record, values: p.values, changes } = applyFixes(engine, p.record, p.values, map, p.numFmts, reader.date1904));
      if (p.record) collectRow(p.record, opts, inspector, run);
      const rowFindings = p.record ? engine.check(p.record) : [];
      for (const f of rowFindings) findings.push(f);
      for (const c of changes) run.fixes?.push(c);
      writer?.addRow(p.row, p.role, p.values, rowFindings, p.numFmts, changes);
    }
    total += records.length;
    pending = [];
    // Give I/O a turn: with the reading thread ahead, batches follow each other as microtasks and the
    // writer's deflate and file callbacks would wait, piling the annotated sheet up in memory.
    await writer?.drain();
    opts.onProgress?.(total, file);
  };

  try {
    for await (const ev of reader.events()) {
      switch (ev.type) {
        case 'sheet-start':
          sheet = ev.sheet;
          map = ev.sheet.header?.map ?? null;
          sheetResult = ev.sheet.header ? { name: ev.sheet.name, headerRow: ev.sheet.header.row, rows: 0 } : null;
          if (sheetResult) fileResult.sheets.push(sheetResult);
          if (writer) {
            writer.date1904 = reader.date1904;
            writer.startSheet(ev.sheet);
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
        case 'notice':
          fileResult.notices.push(ev.notice);
          break;
      }
    }
    await flush();
    const noHeader = noHeaderError(file, sheets);
    if (noHeader) throw noHeader;
    for (const f of findings) run.findings.push(f); // no spread: 10⁵+ findings overflow the stack
    if (writer) {
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

/**
 * Applies the certain corrections of a row's rules (`fix`) to its values, again until nothing changes (a fixed
 * level may make another fix certain); two rules that disagree on a cell leave it alone. Returns the new
 * values and record and what changed, with the cell's original text.
 */
export function applyFixes(
  engine: Engine, record: CertRecord, original: unknown[], map: ColumnMap, numFmts: Pending['numFmts'], date1904: boolean,
): { record: CertRecord; values: unknown[]; changes: CellFix[] } {
  let values = original;
  const changes = new Map<string, CellFix>();
  for (let pass = 0; pass < 3; pass++) {
    const byColumn = new Map<string, Finding[]>();
    for (const f of engine.fixes(record)) {
      const list = byColumn.get(f.column!) ?? [];
      byColumn.set(f.column!, [...list, f]);
    }
    let changed = false;
    for (const [column, list] of byColumn) {
      const to = list[0]!.fix!;
      if (list.some((f) => f.fix !== to)) continue;
      const col = map.columns[list[0]!.field!]!;
      const raw = values[col - 1];
      if (typeof raw === 'string' ? raw === to : raw == null && to === '') continue;
      if (values === original) values = [...original];
      values[col - 1] = to === '' ? null : to;
      const before = changes.get(column);
      changes.set(column, {
        file: record.file, sheet: record.sheet, row: record.row, column, field: list[0]!.field!,
        from: before?.from ?? (typeof raw === 'string' ? raw : record.cells[list[0]!.field!]!.text), to, rules: [...new Set([...(before?.rules ?? []), ...list.map((f) => f.rule)])],
      });
      changed = true;
    }
    if (!changed) break;
    record = buildRecord({ file: record.file, sheet: record.sheet, row: record.row, values, numFmts, date1904 }, map);
  }
  return { record, values, changes: [...changes.values()] };
}

/** What --fix-list and --fix-photos need of a row: its 姓名, its photo facts. */
function collectRow(record: CertRecord, opts: CheckOptions, inspector: AssetInspector | null, run: RunResult): void {
  if (opts.collectNames && record.v.name) run.names.set(recordKey(record), record.v.name);
  if (inspector && opts.onRecordAssets) opts.onRecordAssets(record, inspector.facts.forRecord(record));
}

/** Where the annotated (or fixed) workbook of an input goes; never the input itself (links included). */
export function outputPath(
  file: string, opts: Pick<CheckOptions, 'out' | 'outDir'>, taken: Set<string>, inputs: readonly string[], kind: 'checked' | 'fixed' = 'checked',
): string {
  const stem = basename(file, extname(file));
  let out = opts.out ? resolve(opts.out) : resolve(opts.outDir ?? dirname(resolve(file)), `${stem}.${kind}.xlsx`);
  for (let n = 2; taken.has(out); n++) out = resolve(dirname(out), `${stem}.${n}.${kind}.xlsx`);
  if (inputs.some((input) => sameFile(out, input))) throw new InputError('output-is-input', { out: opts.out ?? out });
  taken.add(out);
  return out;
}

function sameFile(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      try {
        return join(realpathSync(dirname(p)), basename(p));
      } catch {
        return resolve(p);
      }
    }
  };
  return real(a) === real(b);
}
