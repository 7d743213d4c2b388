/**
 * Every report format, by name: the one map behind `--format`'s choices, its `--help` text and the reporter
 * that is run. A reporter is a function of the run's result giving the report as text in pieces (a report of
 * hundreds of thousands of problems is never one string). Modules load only when their format is chosen.
 */
import type { Lang } from '../../engine/types.js';
import type { Reporter } from '../types.js';

interface Format {
  description: Record<Lang, string>;
  load(): Promise<Reporter>;
}

export const FORMATS = {
  pretty: {
    description: { zh: '终端报告，按文件和行分组（默认，给人看）', en: 'terminal report grouped by file and row (default, for people)' },
    load: async () => {
      const { prettyReport } = await import('../pretty.js');
      return (result, opts) => [prettyReport(result, opts)];
    },
  },
  json: {
    description: { zh: '一个 JSON 文档（给脚本和 CI）', en: 'one JSON document (for scripts and CI)' },
    load: async () => {
      const { jsonChunks } = await import('../json.js');
      return function* json(result, opts) {
        yield* jsonChunks(result, opts);
        yield '\n';
      };
    },
  },
  github: {
    description: { zh: 'GitHub Actions 工作流命令（::error 注释）', en: 'GitHub Actions workflow commands (::error annotations)' },
    load: async () => (await import('./github.js')).githubReport,
  },
  junit: {
    description: { zh: 'JUnit XML（GitLab、Jenkins 的测试报告）', en: 'JUnit XML (GitLab and Jenkins test reports)' },
    load: async () => (await import('./junit.js')).junitReport,
  },
  csv: {
    description: { zh: 'CSV，每个问题一行（UTF-8 带 BOM，可用 Excel 打开筛选）', en: 'CSV, one line per problem (UTF-8 with BOM, opens in Excel)' },
    load: async () => (await import('./delimited.js')).csvReport,
  },
  tsv: {
    description: { zh: '制表符分隔，每个问题一行（UTF-8 带 BOM）', en: 'tab-separated, one line per problem (UTF-8 with BOM)' },
    load: async () => (await import('./delimited.js')).tsvReport,
  },
} satisfies Record<string, Format>;

export type FormatName = keyof typeof FORMATS;

export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

/** The reporter of a format. */
export function loadReporter(name: FormatName): Promise<Reporter> {
  return FORMATS[name].load();
}

/** The block `--help` ends with: every format, one a line, with what it is for. */
export function formatHelp(lang: Lang): string {
  const width = Math.max(...FORMAT_NAMES.map((n) => n.length));
  const lines = FORMAT_NAMES.map((n) => `  ${n.padEnd(width)}  ${FORMATS[n].description[lang]}`);
  return `\n${lang === 'zh' ? '输出格式（-f, --format）：' : 'Formats (-f, --format):'}\n${lines.join('\n')}\n`;
}
