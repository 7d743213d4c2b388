/** The command line: options, subcommands, output streams and exit codes (contract). Heavy modules load lazily. */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { InputError } from '../errors.js';
import type { Lang } from '../engine/types.js';
import { CLI_TEXT, COMMANDER_ZH, USAGE } from '../i18n/cli.js';
import { bilingual, type Bilingual } from '../i18n/index.js';
import { parseDelimiter } from '../read/delimiter.js';
import { packageRoot } from '../paths.js';
import { FORMAT_NAMES, formatHelp, type FormatName } from '../report/formats/index.js';
import { maskIds } from '../util/id-number.js';
import { installExitCleanup } from './signals.js';

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_BAD_INPUT = 2;

interface MainOptions {
  /** A folder, or false for --no-assets. */
  assets?: string | false;
  /** A path, or false for --no-out. */
  out?: string | false;
  outDir?: string;
  format: FormatName;
  /** Report options (--quiet, --max-warnings, --all, --report-file). */
  quiet?: boolean;
  maxWarnings?: number;
  all?: boolean;
  reportFile?: string;
  lang: Lang;
  showPii?: boolean;
  encoding?: string;
  delimiter?: string;
  maxRows?: number;
  cache?: string;
  config?: string;
  /** The district profile (a JSON file like data/district.json). */
  district?: string;
  color?: boolean;
  fix?: boolean;
  fixPhotos?: string;
  fixList?: string;
  /** A folder, or false for --no-cards. */
  cards?: string | false;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(`${packageRoot()}/package.json`, 'utf8')) as { version: string };
  return pkg.version;
}

/** Commander's English usage errors, said in one Chinese sentence too. */
function usageDetail(err: CommanderError): Bilingual {
  const message = err.message.replace(/^error:\s*/, '');
  const arg = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  return bilingual(COMMANDER_ZH[err.code]?.(arg, message) ?? message, message);
}

function langOf(argv: readonly string[]): Lang {
  const i = argv.indexOf('--lang');
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  return v === 'en' ? 'en' : 'zh';
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0) throw new InputError('usage', { detail: USAGE.maxWarnings(value) });
  return n;
}

/** --delimiter: one of the delimiters cert-check reads (refused before any work otherwise). */
function delimiterOption(value: string): string {
  if (parseDelimiter(value) === null) throw new InputError('bad-delimiter', { delimiter: JSON.stringify(value) });
  return value;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InputError('usage', { detail: USAGE.maxRows(value) });
  return n;
}

/** Runs the command line; returns the exit code. Never throws. */
export async function run(argv: string[]): Promise<number> {
  const lang = langOf(argv);
  installExitCleanup();
  const err = stderrWriter(argv.includes('--show-pii'));
  // A reader that stops early (`cert-check … | head`) closes the pipe: the rest of the report is dropped
  // quietly instead of ending in an unhandled EPIPE stack trace.
  for (const out of [process.stdout, process.stderr]) {
    out.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
    });
  }
  const program = new Command();
  const t = CLI_TEXT[lang];
  let exitCode = EXIT_OK;
  program
    .name('cert-check')
    .description(t.description)
    .version(version(), '-V, --version')
    .argument('<inputs...>', t.inputs)
    .option('-a, --assets <dir>', t.options.assets)
    .option('--no-assets', t.options.noAssets)
    .option('-o, --out <file>', t.options.out)
    .option('--out-dir <dir>', t.options.outDir)
    .option('--no-out', t.options.noOut)
    // Report options: one block (src/report/formats/index.ts holds the formats and their help).
    .addOption(new Option('-f, --format <name>', t.options.format).choices(FORMAT_NAMES).default('pretty'))
    .option('--quiet', t.options.quiet)
    .option('--max-warnings <n>', t.options.maxWarnings, nonNegativeInt)
    .option('--all', t.options.all)
    .option('--report-file <file>', t.options.reportFile)
    .addOption(new Option('--lang <lang>', t.options.lang).choices(['zh', 'en']).default('zh'))
    .option('--show-pii', t.options.showPii)
    .option('--encoding <name>', t.options.encoding)
    .option('--delimiter <char>', t.options.delimiter, delimiterOption)
    .option('--max-rows <n>', t.options.maxRows, positiveInt)
    .option('--cache <file>', t.options.cache)
    .option('--config <file>', t.options.config)
    .option('--district <file>', t.options.district)
    .option('--fix', t.options.fix)
    .option('--fix-photos <dir>', t.options.fixPhotos)
    .option('--fix-list <file>', t.options.fixList)
    .option('--cards <dir>', t.options.cards)
    .option('--no-cards', t.options.noCards)
    .option('--no-color', t.options.noColor)
    .addHelpText('after', formatHelp(lang))
    .action(async (inputs: string[], opts: MainOptions) => {
      exitCode = await checkCommand(inputs, opts, err);
    });

  program
    .command('committees')
    .description(t.committees.description)
    .argument('[query]')
    .option('--year <year>', t.committees.year, (value: string) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1949 || n > 2199) throw new InputError('usage', { detail: USAGE.year(value) });
      return n;
    })
    .option('--level <level>', t.committees.level)
    .action(async (query: string | undefined, o: { year?: number; level?: string }) => {
      const { committeesCommand } = await import('./committees.js');
      const { loadSettings } = await import('../config.js');
      const { RULES } = await import('../../rules/index.js');
      const global = program.opts<MainOptions>();
      const settings = loadSettings(global.config, process.cwd(), RULES.map((r) => r.id), lang, { district: global.district });
      // The query is echoed: a row pasted whole (with its 身份证号) is masked like every output.
      const { maskIds } = await import('../util/id-number.js');
      const text = committeesCommand(query, { lang, year: o.year, level: o.level, matcher: settings.data.committees });
      process.stdout.write(`${global.showPii ? text : maskIds(text)}\n`);
    });

  program
    .command('template')
    .description(t.template.description)
    .argument('[file]')
    .action(async (file: string | undefined) => {
      const { writeTemplate } = await import('./template.js');
      const { loadSettings } = await import('../config.js');
      const { RULES } = await import('../../rules/index.js');
      const global = program.opts<MainOptions>();
      const settings = loadSettings(global.config, process.cwd(), RULES.map((r) => r.id), lang, { district: global.district });
      const written = await writeTemplate(file, { lang, data: settings.data });
      process.stdout.write(maskIds(`${t.template.written(written)}\n`));
    });

  program
    .command('rules')
    .description(t.rules.description)
    .action(async () => {
      const { rulesCommand } = await import('./rules-command.js');
      const { loadSettings } = await import('../config.js');
      const { RULES } = await import('../../rules/index.js');
      const global = program.opts<MainOptions>();
      const settings = loadSettings(global.config, process.cwd(), RULES.map((r) => r.id), lang, { district: global.district });
      process.stdout.write(rulesCommand({ lang, severities: settings.severities }) + '\n');
    });

  program.exitOverride();
  program.configureOutput({
    writeErr: () => {},
    writeOut: (s) => process.stdout.write(s),
  });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT_OK;
      return fail(new InputError('usage', { detail: usageDetail(e) }), lang, err);
    }
    return fail(e, lang, err);
  }
}

/** Writes lines to stderr, ID numbers masked (every form, also in paths) unless --show-pii. */
export type ErrWriter = (text: string) => void;

export function stderrWriter(showPii: boolean): ErrWriter {
  return (text) => {
    process.stderr.write(showPii ? text : maskIds(text));
  };
}

/** The sentence for an error that ends the run (before masking): an InputError's, or "internal error (…)". */
export function failureText(e: unknown, lang: Lang): string {
  if (e instanceof InputError) return `cert-check: ${e.text(lang)}\n`;
  const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);
  return `cert-check: ${CLI_TEXT[lang].internalError(msg)}\n`;
}

/** Prints one sentence for an error and gives exit 2; a stack trace only with CERT_CHECK_DEBUG=1. */
function fail(e: unknown, lang: Lang, err: ErrWriter): number {
  err(failureText(e, lang));
  if (!(e instanceof InputError) && process.env.CERT_CHECK_DEBUG) err(`${(e as Error)?.stack ?? ''}\n`);
  return EXIT_BAD_INPUT;
}

/**
 * Whether to show a spinner and progress on stderr: only on a terminal that has columns. Some CI and
 * container ptys report 0 columns, where ora would redraw forever.
 */
export function progressAllowed(stream: { isTTY?: boolean; columns?: number }): boolean {
  return stream.isTTY === true && typeof stream.columns === 'number' && stream.columns > 0;
}

async function checkCommand(inputs: string[], opts: MainOptions, err: ErrWriter): Promise<number> {
  const lang = opts.lang;
  // The threads that will read (and write the workbook of) a large first input start now, loading their modules
  // while this thread loads the rules and reference data.
  if (inputs[0]) {
    const { DEFAULT_MAX_ROWS } = await import('../read/limits.js');
    (await import('../read/threaded.js')).prewarmReader(inputs[0], { maxRows: opts.maxRows ?? DEFAULT_MAX_ROWS, encoding: opts.encoding, delimiter: opts.delimiter });
    if (opts.out !== false) (await import('../report/annotated-thread.js')).prewarmWriter(inputs[0]);
  }
  const { runCheck } = await import('../run/check-run.js');
  const { loadSettings } = await import('../config.js');
  const { RULES } = await import('../../rules/index.js');
  const { prettyReport, shouldColor } = await import('../report/pretty.js');
  const { skippedReport } = await import('../report/inputs-text.js');
  const { loadReporter } = await import('../report/formats/index.js');
  const { foreignOutputs, planGuard } = await import('./outputs.js');
  const showPii = Boolean(opts.showPii);
  const progress = await (await import('./progress.js')).startProgress(process.stderr, lang, { showPii });
  let cards: import('../report/cards/writer.js').CardsWriter | null = null;
  try {
    const settings = loadSettings(opts.config, process.cwd(), RULES.map((r) => r.id), lang, { district: opts.district });
    checkOutputNames(opts);
    cards = await cardsWriter(inputs, opts, settings);
    const guard = planGuard({ ...opts, cards: cards?.dir }, settings.sources, await foreignOutputs(opts));
    const photos = opts.fixPhotos === undefined
      ? null
      : await (await import('../report/fixed-photos.js')).FixedPhotosSink.create({ target: opts.fixPhotos, lang, allow: guard.allow });
    const fixList = opts.fixList === undefined ? null : new (await import('../report/fix-list.js')).FixListSink(opts.fixList, lang);
    const reportOpts = { lang, showPii, quiet: Boolean(opts.quiet), all: Boolean(opts.all), color: false };
    const early = opts.format === 'pretty' ? null : await loadReporter(opts.format);
    const result = await runCheck({
      // Finished in this order after the run: the photos, the problem list, the registration sheets.
      sinks: [photos, fixList, cards].filter((s) => s !== null),
      ...(photos ? { onAssetsDir: photos.checkTarget } : {}),
      inputs,
      severities: settings.severities,
      aliases: settings.aliases,
      data: settings.data,
      assetPatterns: settings.assetPatterns,
      assets: opts.assets === false ? null : opts.assets,
      out: typeof opts.out === 'string' ? opts.out : undefined,
      noOut: opts.out === false,
      fix: Boolean(opts.fix),
      outDir: opts.outDir,
      lang,
      encoding: opts.encoding,
      delimiter: opts.delimiter,
      maxRows: opts.maxRows,
      cacheFile: opts.cache,
      beforeWork: guard.check,
      onProgress: progress?.update,
      // A report for machines (json…) formats its problems while the last workbook is finished on its thread.
      ...(early?.prepare ? { whileWriting: (r: import('../run/types.js').RunResult) => early.prepare!(r, reportOpts) } : {}),
    });
    progress?.stop();
    // Nothing could be read: a pretty run says so in one sentence per input (stderr) and prints no report;
    // the formats for machines still give their document, which lists the inputs with their errors.
    const nothingRead = result.failures.length > 0 && result.files.length === 0;
    const reporter = early ?? (await loadReporter(opts.format));
    const color = opts.color !== false && shouldColor(process.stdout, process.env);
    if (opts.reportFile !== undefined) {
      const { writeReportFile } = await import('../report/report-file.js');
      await writeReportFile(opts.reportFile, reporter(result, reportOpts));
      // Unlike ESLint's --output-file (which then prints nothing), the log keeps the report for people.
      if (!nothingRead) await writeOut([prettyReport(result, { ...reportOpts, color })]);
    } else if (!(nothingRead && opts.format === 'pretty')) {
      await writeOut(reporter(result, { ...reportOpts, color: opts.format === 'pretty' && color }));
    } else if (result.skipped.length) {
      // Nothing read, on a terminal: what folder scans skipped and why (each failure follows on stderr).
      await writeOut([skippedReport(result, { ...reportOpts, color })]);
    }
    for (const f of result.failures) err(`cert-check: ${f.error.text(lang)}\n`);
    if (result.failures.length && cards) {
      err(`cert-check: ${CLI_TEXT[lang].noCards}\n`);
    }
    if (result.failures.length) return EXIT_BAD_INPUT;
    if (result.findings.some((f) => f.severity === 'error')) return EXIT_ERRORS;
    const warnings = result.findings.filter((f) => f.severity === 'warning').length;
    if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
      err(`cert-check: ${CLI_TEXT[lang].tooManyWarnings(warnings, opts.maxWarnings)}\n`);
      return EXIT_ERRORS;
    }
    return EXIT_OK;
  } catch (e) {
    progress?.stop();
    return fail(e, lang, err);
  } finally {
    cards?.abort(); // nothing once committed
  }
}

/** Writes a report's pieces to stdout, waiting when the pipe is full (a report can hold 10⁵+ problems). */
async function writeOut(chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

/** --cards (or `cards` in the config): the target checked before any work (exit 2), and the writer. */
async function cardsWriter(
  inputs: string[], opts: MainOptions, settings: import('../config.js').Settings,
): Promise<import('../report/cards/writer.js').CardsWriter | null> {
  const dir = opts.cards === false ? null : typeof opts.cards === 'string' ? opts.cards : settings.cards;
  if (!dir) return null;
  const { resolve, dirname } = await import('node:path');
  const { expandInputs } = await import('../read/index.js');
  const { CardsWriter, checkCardsTarget } = await import('../report/cards/writer.js');
  const { MessageBook } = await import('../engine/messages.js');
  const { RULES } = await import('../../rules/index.js');
  const files = await expandInputs(inputs);
  const assetsDir = opts.assets === false ? null : resolve(opts.assets ?? dirname(resolve(files[0]!)));
  checkCardsTarget(dir, { inputs: files, assetsDir });
  return new CardsWriter({
    dir, lang: opts.lang, showPii: Boolean(opts.showPii), messages: new MessageBook(RULES),
    lookups: settings.data.guide, district: settings.data.district, startedAt: new Date(), version: version(),
  });
}

/** --fix-list, --cache and --fix-photos refused before any work when their names cannot be right. */
function checkOutputNames(opts: MainOptions): void {
  if (opts.fixList !== undefined && !/\.xlsx$/i.test(opts.fixList)) throw new InputError('usage', { detail: USAGE.fixListName(opts.fixList) });
  if (opts.cache !== undefined && !/\.json$/i.test(opts.cache)) throw new InputError('usage', { detail: USAGE.cacheName(opts.cache) });
  if (opts.fixPhotos !== undefined && opts.assets === false) throw new InputError('usage', { detail: USAGE.fixPhotosNoAssets });
}
