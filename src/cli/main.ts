/** The command line: options, subcommands, output streams and exit codes (contract). Heavy modules load lazily. */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { InputError } from '../errors.js';
import type { Lang } from '../engine/types.js';
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

/** Commander's English usage errors, said in one Chinese sentence. */
function usageDetail(err: CommanderError, lang: Lang): string {
  if (lang === 'en') return err.message.replace(/^error:\s*/, '');
  const arg = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  switch (err.code) {
    case 'commander.unknownOption':
      return `不认识的选项 ${arg}`;
    case 'commander.missingArgument':
      return '缺少要检查的文件：请写出 .xlsx/.xls/.et/.ods/.csv 文件或文件夹';
    case 'commander.optionMissingArgument':
      return `选项 ${arg} 需要一个值`;
    case 'commander.invalidArgument':
      return `选项的值不对：${err.message.replace(/^error:\s*/, '')}`;
    case 'commander.unknownCommand':
      return `不认识的命令 ${arg}`;
    case 'commander.excessArguments':
      return '参数太多';
    default:
      return err.message.replace(/^error:\s*/, '');
  }
}

function langOf(argv: readonly string[]): Lang {
  const i = argv.indexOf('--lang');
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  return v === 'en' ? 'en' : 'zh';
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0) throw new InputError('usage', { detail: `--max-warnings 应为 0 或正整数，而不是 ${value}` });
  return n;
}

/** --delimiter: one of the delimiters cert-check reads (refused before any work otherwise). */
function delimiterOption(value: string): string {
  if (parseDelimiter(value) === null) throw new InputError('bad-delimiter', { delimiter: JSON.stringify(value) });
  return value;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InputError('usage', { detail: `--max-rows 应为正整数，而不是 ${value}` });
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
  let exitCode = EXIT_OK;
  program
    .name('cert-check')
    .description(lang === 'zh' ? '职称电子证书登记信息批量检查' : 'Batch checker for professional-title certificate registration records')
    .version(version(), '-V, --version')
    .argument('<inputs...>', lang === 'zh'
      ? '表格（.xlsx .xls .et .ods）、文本导出（.csv .tsv .txt）或文件夹（含子文件夹）'
      : 'spreadsheets (.xlsx .xls .et .ods), text exports (.csv .tsv .txt) or folders (sub-folders included)')
    .option('-a, --assets <dir>', lang === 'zh' ? '照片和 PDF 所在文件夹（默认：输入文件所在文件夹）' : 'folder of photos and PDFs (default: the input\'s folder)')
    .option('--no-assets', lang === 'zh' ? '不检查照片和 PDF' : 'do not check photos and PDFs')
    .option('-o, --out <file>', lang === 'zh' ? '标注后工作簿的路径（仅一个输入时）' : 'annotated workbook path (one input)')
    .option('--out-dir <dir>', lang === 'zh' ? '多个输入时标注工作簿的输出文件夹' : 'folder for annotated workbooks of several inputs')
    .option('--no-out', lang === 'zh' ? '不写标注工作簿' : 'write no annotated workbook')
    // Report options: one block (src/report/formats/index.ts holds the formats and their help).
    .addOption(new Option('-f, --format <name>', lang === 'zh' ? '输出格式（见下方列表）' : 'output format (listed below)').choices(FORMAT_NAMES).default('pretty'))
    .option('--quiet', lang === 'zh' ? '只列出错误（汇总仍统计警告和提示）' : 'list errors only (the summary still counts warnings and infos)')
    .option('--max-warnings <n>', lang === 'zh' ? '警告超过 n 个时退出码为 1' : 'exit 1 when there are more than n warnings', nonNegativeInt)
    .option('--all', lang === 'zh' ? `问题很多时也列出每一行（默认每条规则只列前 20 行）` : 'list every row even on large inputs (default: the first 20 rows of each rule)')
    .option('--report-file <file>', lang === 'zh' ? '把 --format 格式的报告写入该文件；终端仍显示普通报告' : 'write the --format report to this file; the terminal still shows the pretty report')
    .addOption(new Option('--lang <lang>', lang === 'zh' ? '消息语言' : 'message language').choices(['zh', 'en']).default('zh'))
    .option('--show-pii', lang === 'zh' ? '在终端和 JSON 中显示完整身份证号' : 'print ID numbers unmasked')
    .option('--encoding <name>', lang === 'zh' ? '文本文件编码，如 gb18030、utf-8、utf-16le（默认自动识别：BOM、UTF-8、GB18030）' : 'encoding of text exports, e.g. gb18030, utf-8, utf-16le (default: detect)')
    .option('--delimiter <char>', lang === 'zh' ? '文本文件分隔符：, tab ; |（默认按表头行自动识别）' : 'delimiter of text exports: , tab ; | (default: found from the header line)', delimiterOption)
    .option('--max-rows <n>', lang === 'zh' ? '每个文件最多处理的数据行数（默认 500000）' : 'refuse files with more data rows (default 500000)', positiveInt)
    .option('--cache <file>', lang === 'zh' ? '照片/PDF 检查结果缓存文件（.json）' : 'cache of photo/PDF results (.json)')
    .option('--config <file>', lang === 'zh' ? '配置文件（默认 cert-check.config.json）' : 'configuration file (default cert-check.config.json)')
    .option('--district <file>', lang === 'zh' ? '区县配置文件（JSON，格式同默认的 data/district.json）' : 'district profile (JSON, like the default data/district.json)')
    .option('--fix', lang === 'zh' ? '写出 <name>.fixed.xlsx（代替 .checked.xlsx），应用所有确定的修正' : 'write <name>.fixed.xlsx (instead of .checked.xlsx) with every certain fix applied')
    .option('--fix-photos <dir>', lang === 'zh' ? '把过大或格式不对的免冠照另存为不超过 200KB 的 JPG 到该文件夹（原照片不动）' : 'write photos that are too large or not JPEG/PNG as JPEGs of at most 200 KB into this folder (originals untouched)')
    .option('--fix-list <file>', lang === 'zh' ? '把所有输入的全部问题写成一个可筛选的 .xlsx 问题清单' : 'write every problem of every input into one filterable .xlsx list')
    .option('--cards <dir>', lang === 'zh' ? '为每人每个证书写出一份登记填报单（HTML，可打印）到该文件夹，并写出目录页' : 'write a registration sheet (printable HTML) per person and certificate into this folder, with an index page')
    .option('--no-cards', lang === 'zh' ? '不写填报单（即使配置文件中有 cards）' : 'write no registration sheets (even when the config names a folder)')
    .option('--no-color', lang === 'zh' ? '不使用颜色' : 'no colours')
    .addHelpText('after', formatHelp(lang))
    .action(async (inputs: string[], opts: MainOptions) => {
      exitCode = await checkCommand(inputs, opts, err);
    });

  program
    .command('committees')
    .description(lang === 'zh' ? '列出官方评审机构名称，或与查询最接近的名称' : 'list official committee names, or those closest to a query')
    .argument('[query]')
    .option('--year <year>', lang === 'zh' ? '按该年份（取得时间）的名单判断' : 'judge as a row of this year (date obtained)', (value: string) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1949 || n > 2199) throw new InputError('usage', { detail: lang === 'zh' ? `--year 应为四位年份，而不是 ${value}` : `--year takes a four-digit year, not ${value}` });
      return n;
    })
    .option('--level <level>', lang === 'zh' ? '按该职称级别在候选名称中选择' : 'choose among candidates by this title level')
    .action(async (query: string | undefined, o: { year?: number; level?: string }) => {
      const { committeesCommand } = await import('./committees.js');
      const { loadSettings } = await import('../config.js');
      const { RULES } = await import('../../rules/index.js');
      const global = program.opts<MainOptions>();
      const settings = loadSettings(global.config, process.cwd(), RULES.map((r) => r.id), lang, { district: global.district });
      process.stdout.write(committeesCommand(query, { lang, year: o.year, level: o.level, matcher: settings.data.committees }) + '\n');
    });

  program
    .command('template')
    .description(lang === 'zh' ? `写出空白登记模板（默认 职称电子证书登记模板.xlsx）：表头、下拉选项、文本格式、填写提示` : 'write a blank registration workbook (default 职称电子证书登记模板.xlsx): headers, dropdowns, text formats, input hints')
    .argument('[file]')
    .action(async (file: string | undefined) => {
      const { writeTemplate } = await import('./template.js');
      const { loadSettings } = await import('../config.js');
      const { RULES } = await import('../../rules/index.js');
      const global = program.opts<MainOptions>();
      const settings = loadSettings(global.config, process.cwd(), RULES.map((r) => r.id), lang, { district: global.district });
      const written = await writeTemplate(file, { lang, data: settings.data });
      process.stdout.write(maskIds(`${lang === 'zh' ? '已写出登记模板：' : 'Template written: '}${written}\n`));
    });

  program
    .command('rules')
    .description(lang === 'zh' ? '列出全部检查规则：编号、级别、指南条目、说明' : 'list every rule: id, severity, guide section, description')
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
      return fail(new InputError('usage', { detail: usageDetail(e, lang) }), lang, err);
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
  return lang === 'zh'
    ? `cert-check: 内部错误（${msg}）。请把所用命令和文件情况反馈给维护人员。\n`
    : `cert-check: internal error (${msg}). Please report the command and the file to the maintainers.\n`;
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
  const { runCheck } = await import('../run/check-run.js');
  const { loadSettings } = await import('../config.js');
  const { RULES } = await import('../../rules/index.js');
  const { prettyReport, shouldColor, skippedReport } = await import('../report/index.js');
  const { loadReporter } = await import('../report/formats/index.js');
  const { planGuard } = await import('./outputs.js');
  const showPii = Boolean(opts.showPii);
  const progress = await (await import('./progress.js')).startProgress(process.stderr, lang, { showPii });
  let cards: import('../report/cards/writer.js').CardsWriter | null = null;
  try {
    const settings = loadSettings(opts.config, process.cwd(), RULES.map((r) => r.id), lang, { district: opts.district });
    checkOutputNames(opts);
    cards = await cardsWriter(inputs, opts, settings);
    const guard = planGuard({ ...opts, cards: cards?.dir }, settings.sources);
    const photos = opts.fixPhotos === undefined
      ? null
      : await (await import('../report/fixed-photos.js')).FixedPhotosSink.create({ target: opts.fixPhotos, lang, allow: guard.allow });
    const fixList = opts.fixList === undefined ? null : new (await import('../report/fix-list.js')).FixListSink(opts.fixList, lang);
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
    });
    progress?.stop();
    const reportOpts = { lang, showPii, quiet: Boolean(opts.quiet), all: Boolean(opts.all), color: false };
    // Nothing could be read: a pretty run says so in one sentence per input (stderr) and prints no report;
    // the formats for machines still give their document, which lists the inputs with their errors.
    const nothingRead = result.failures.length > 0 && result.files.length === 0;
    const reporter = await loadReporter(opts.format);
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
      err(lang === 'zh' ? 'cert-check: 有输入文件无法读取，未写出填报单。\n' : 'cert-check: some inputs could not be read; no registration sheets were written.\n');
    }
    if (result.failures.length) return EXIT_BAD_INPUT;
    if (result.findings.some((f) => f.severity === 'error')) return EXIT_ERRORS;
    const warnings = result.findings.filter((f) => f.severity === 'warning').length;
    if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
      err(lang === 'zh'
        ? `cert-check: 有 ${warnings} 个警告，超过了 --max-warnings ${opts.maxWarnings}。\n`
        : `cert-check: ${warnings} warnings, more than --max-warnings ${opts.maxWarnings} allows.\n`);
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
  checkCardsTarget(dir, { inputs: files, assetsDir, lang: opts.lang });
  return new CardsWriter({
    dir, lang: opts.lang, showPii: Boolean(opts.showPii), messages: new MessageBook(RULES),
    lookups: settings.data.guide, district: settings.data.district, startedAt: new Date(), version: version(),
  });
}

/** --fix-list, --cache and --fix-photos refused before any work when their names cannot be right. */
function checkOutputNames(opts: MainOptions): void {
  const zh = opts.lang === 'zh';
  if (opts.fixList !== undefined && !/\.xlsx$/i.test(opts.fixList)) {
    throw new InputError('usage', { detail: zh ? `--fix-list 的文件名应以 .xlsx 结尾，而不是 ${opts.fixList}` : `the --fix-list file name must end in .xlsx, not ${opts.fixList}` });
  }
  if (opts.cache !== undefined && !/\.json$/i.test(opts.cache)) {
    // Also what catches a forgotten cache name: `--cache a.xlsx b.xlsx` would otherwise overwrite a.xlsx.
    throw new InputError('usage', { detail: zh ? `--cache 的文件名应以 .json 结尾，而不是 ${opts.cache}（是否漏写了缓存文件名？）` : `the --cache file name must end in .json, not ${opts.cache} (was the cache name left out?)` });
  }
  if (opts.fixPhotos !== undefined && opts.assets === false) {
    throw new InputError('usage', { detail: zh ? '--fix-photos 需要检查照片，不能与 --no-assets 同用' : '--fix-photos needs the photos checked; it cannot go with --no-assets' });
  }
}
