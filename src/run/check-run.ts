/**
 * One check run: inputs → records → rules → findings, handed to the sinks as rows stream by (each input's
 * annotated workbook, and the run's fix list, fixed photos and registration sheets), which finish at the end.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { RULES } from '../../rules/index.js';
import { createAssetInspector, listAssetFolder } from '../assets/index.js';
import type { AssetFolder } from '../assets/folder.js';
import type { AssetInspector } from '../assets/types.js';
import { Engine } from '../engine/engine.js';
import { MessageBook } from '../engine/messages.js';
import { InputError } from '../errors.js';
import { USAGE } from '../i18n/cli.js';
import { DEFAULT_MAX_ROWS, scanInputs } from '../read/index.js';
import { openInputThreaded } from '../read/threaded.js';
import type { InputReader } from '../read/types.js';
import { IdValues } from '../util/id-number.js';
import type { RowSink, SinkOutcome } from '../report/sink.js';
import { checkFile, type RunState } from './check-file.js';
import { createContext } from './context.js';
import type { Corrector } from './fixes.js';
import { outputPath } from './output-paths.js';
import type { CheckOptions, RunResult } from './types.js';

export type { CheckOptions, CheckProgress, RunResult } from './types.js';

export async function runCheck(opts: CheckOptions): Promise<RunResult> {
  const startedAt = new Date();
  // Paths that cannot be used (missing, a folder without records) are failures of their own, like an
  // unreadable file: the other inputs are still checked.
  const scan = await scanInputs(opts.inputs, { aliases: opts.aliases });
  const files = scan.inputs;
  if (opts.out && files.length > 1) throw new InputError('usage', { detail: USAGE.outWithSeveral });
  // The first input starts reading (on its thread) now, while the reference data and the assets load here.
  const readOptions = { encoding: opts.encoding, delimiter: opts.delimiter, aliases: opts.aliases, maxRows: opts.maxRows ?? DEFAULT_MAX_ROWS };
  const firstReader = files.length
    ? openInputThreaded(files[0]!, readOptions).then((r) => ({ r }), (error: unknown) => ({ error }))
    : Promise.resolve({ error: null as unknown });
  let firstTaken = false;
  let inspector: AssetInspector | null = null;
  const sinks = opts.sinks ?? [];
  let finished = false;
  try {
    const rules = opts.rules ?? RULES;
    const messages = new MessageBook(rules);
    const ctx = createContext({ today: opts.today, data: opts.data });
    // By default the photos are in the folder of the first input; for a folder scan, the folder given.
    const assetsDir = opts.assets === null || !files.length ? null : resolve(opts.assets ?? scan.firstFolder ?? dirname(resolve(files[0]!)));
    // Every output is known before anything is written: the guard sees them all at once.
    const taken = new Set<string>();
    const outputs = new Map<string, string | null>();
    for (const file of files) outputs.set(file, opts.noOut ? null : await outputPath(file, opts, taken, files, opts.fix ? 'fixed' : 'checked'));
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
    const corrector: Corrector | null = sinks.some((s) => s.wantsCorrected)
      ? { engine, rowEngine: new Engine(rules.filter((r) => r.kind === 'row'), ctx, { severities: opts.severities }), setRules: new Set(rules.filter((r) => r.kind === 'set').map((r) => r.id)) }
      : null;
    const result: RunResult = {
      files: [], findings: [], messages, startedAt, failures: [...scan.failures], warnings: [], outputs: [], assetsDir,
      idValues: new IdValues(), skipped: scan.skipped, otherFiles: scan.otherFiles, ...(opts.fix ? { fixes: [] } : {}),
    };
    const state: RunState = { opts, engine, inspector, messages, result, sinks, corrector, files: files.length };
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
        opts.onProgress?.({ file, fileIndex: i, files: files.length, sheet: null, row: 0, lastRow: null, rows: 0 });
        reader ??= await openInputThreaded(file, readOptions);
        result.files.push(await checkFile(file, i, reader, out, state));
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
    await finishSinks(sinks, result);
    finished = true;
    return result;
  } finally {
    if (!finished) for (const sink of sinks) await sink.abort();
    await inspector?.close();
    // A run refused before the first input was taken must still end the reading thread it started.
    if (!firstTaken) {
      const opened = await firstReader;
      if ('r' in opened) await opened.r.close?.();
    }
  }
}

/**
 * The run's sinks finish in order, each recording what it wrote; when nothing could be read (every input
 * failed) they write nothing. A sink that throws (an output that could not be written) ends the run, and
 * the sinks not finished yet are aborted.
 */
async function finishSinks(sinks: readonly RowSink[], result: RunResult): Promise<void> {
  const nothingRead = result.failures.length > 0 && result.files.length === 0;
  for (const [i, sink] of sinks.entries()) {
    if (nothingRead) {
      await sink.abort();
      continue;
    }
    let outcome: SinkOutcome;
    try {
      outcome = await sink.finish(result);
    } catch (err) {
      for (const rest of sinks.slice(i + 1)) await rest.abort();
      throw err;
    }
    Object.assign(result, outcome.result);
    for (const o of outcome.outputs ?? []) result.outputs.push(o);
    for (const w of outcome.warnings ?? []) result.warnings.push(w);
  }
}
