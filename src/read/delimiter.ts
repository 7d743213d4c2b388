/**
 * The field delimiter of a text export, found from its header line: Excel's “Unicode 文本” and .tsv files
 * are tab-separated, a CSV saved with a European list separator uses semicolons. Each candidate splits
 * the first rows; the one under which some row names the most registration fields (the header search of
 * ./header.ts) wins, a comma on a tie. When no row is a header under any of them, the candidate that splits
 * the first rows into the most fields, consistently, is taken; a comma when there is nothing to go on.
 */
import { DEFAULT_ALIASES, type AliasTable } from '../model/fields.js';
import { HEADER_SEARCH_ROWS, MIN_HEADER_FIELDS, matchHeaderCell } from './header.js';

/** The delimiters cert-check tries, in the order a tie is decided. */
export const DELIMITERS = [',', '\t', ';', '|'] as const;

export type DelimiterSource = 'header' | 'count' | 'default' | 'option';

/** Names a user may give --delimiter, besides the character itself. */
const NAMED: Record<string, string> = {
  comma: ',', tab: '\t', '\\t': '\t', semicolon: ';', pipe: '|', '，': ',', '；': ';',
};

/** The delimiter a --delimiter value names, or null when it is not one cert-check can use. */
export function parseDelimiter(value: string): string | null {
  const v = Object.hasOwn(NAMED, value.toLowerCase()) ? NAMED[value.toLowerCase()]! : value;
  return (DELIMITERS as readonly string[]).includes(v) ? v : null;
}

/** Splits one line of delimited text into fields; a field in double quotes may hold the delimiter ("" is a quote). */
export function splitLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  let start = true;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
      continue;
    }
    if (ch === '"' && start) {
      quoted = true;
      start = false;
      continue;
    }
    if (ch === delimiter) {
      out.push(field);
      field = '';
      start = true;
      continue;
    }
    field += ch;
    start = false;
  }
  out.push(field);
  return out;
}

/** Distinct registration fields a row names when split by `delimiter`. */
function headerScore(line: string, delimiter: string, aliases: AliasTable): number {
  const fields = new Set<string>();
  for (const cell of splitLine(line, delimiter)) {
    const f = matchHeaderCell(cell.trim(), aliases);
    if (f) fields.add(f);
  }
  return fields.size;
}

/**
 * The delimiter of the decoded start of a text file. `complete`: the text is the whole file (else its
 * last line may be cut short and is not looked at).
 */
export function detectDelimiter(
  text: string, opts: { complete?: boolean; aliases?: AliasTable } = {},
): { delimiter: string; source: DelimiterSource } {
  const aliases = opts.aliases ?? DEFAULT_ALIASES;
  let lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  if (!opts.complete && lines.length > 1) lines = lines.slice(0, -1);
  const rows = lines.filter((l) => l.trim()).slice(0, HEADER_SEARCH_ROWS);
  if (!rows.length) return { delimiter: ',', source: 'default' };

  let best: { d: string; score: number } | null = null;
  for (const d of DELIMITERS) {
    const score = Math.max(...rows.map((r) => headerScore(r, d, aliases)));
    if (score >= MIN_HEADER_FIELDS && (!best || score > best.score)) best = { d, score };
  }
  if (best) return { delimiter: best.d, source: 'header' };

  // No header under any delimiter: the one that gives the most fields to most rows.
  let byCount: { d: string; fields: number } | null = null;
  for (const d of DELIMITERS) {
    const counts = rows.map((r) => splitLine(r, d).length).sort((a, b) => a - b);
    const median = counts[Math.floor(counts.length / 2)]!;
    if (median > 1 && (!byCount || median > byCount.fields)) byCount = { d, fields: median };
  }
  return byCount ? { delimiter: byCount.d, source: 'count' } : { delimiter: ',', source: 'default' };
}
