/**
 * Every report format, by name: the one map behind `--format`'s choices, its `--help` text and the reporter
 * that is run. A reporter is a function of the run's result giving the report as text in pieces (a report of
 * hundreds of thousands of problems is never one string). Modules load only when their format is chosen.
 */
import type { Lang } from '../../engine/types.js';
import { FORMAT_DESCRIPTIONS, FORMATS_HEADING } from '../../i18n/formats.js';
import type { Reporter } from '../types.js';

interface Format {
  description: Record<Lang, string>;
  load(): Promise<Reporter>;
}

export const FORMATS = {
  pretty: {
    description: FORMAT_DESCRIPTIONS.pretty,
    load: async () => {
      const { prettyReport } = await import('../pretty.js');
      return (result, opts) => [prettyReport(result, opts)];
    },
  },
  json: {
    description: FORMAT_DESCRIPTIONS.json,
    load: async () => {
      const { jsonChunks, prepareJson } = await import('../json.js');
      return Object.assign(function* json(result: Parameters<Reporter>[0], opts: Parameters<Reporter>[1]) {
        yield* jsonChunks(result, opts);
        yield '\n';
      }, { prepare: prepareJson });
    },
  },
  github: {
    description: FORMAT_DESCRIPTIONS.github,
    load: async () => (await import('./github.js')).githubReport,
  },
  junit: {
    description: FORMAT_DESCRIPTIONS.junit,
    load: async () => (await import('./junit.js')).junitReport,
  },
  csv: {
    description: FORMAT_DESCRIPTIONS.csv,
    load: async () => (await import('./delimited.js')).csvReport,
  },
  tsv: {
    description: FORMAT_DESCRIPTIONS.tsv,
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
  return `\n${FORMATS_HEADING[lang]}\n${lines.join('\n')}\n`;
}
