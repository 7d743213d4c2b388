/**
 * `cert-check rules`: every registered rule with its id, severity (the default, or as configured), the
 * guide section it enforces and its description, as a plain-text table (one rule a line).
 */
import { RULES } from '../../rules/index.js';
import { guideMark } from '../i18n/report.js';
import type { Lang, Rule, Severity, SeveritySetting } from '../engine/types.js';
import { RULES_COMMAND_TEXT } from '../i18n/cli.js';

export interface RulesCommandOptions {
  lang: Lang;
  /** Severities from the configuration by rule id ('off' disables a rule). */
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** The rules to list (default: the registry). */
  rules?: readonly Rule[];
}

/** Display width: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
      || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)
      || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return w;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** The severity a rule has in this run: the configured one, else its default (messages may differ, e.g. a warning inside an error rule). */
function severityText(rule: Rule, opts: RulesCommandOptions): string {
  const t = RULES_COMMAND_TEXT[opts.lang];
  const configured = opts.severities?.[rule.id];
  if (configured) return `${t.severity[configured]}${t.configured}`;
  const all = new Set<Severity>([rule.severity]);
  for (const m of Object.values(rule.messages)) if (m.severity) all.add(m.severity);
  return [...all].map((s) => t.severity[s]).join('/');
}

/** The listing as text (no trailing newline), sorted by rule id. */
export function rulesCommand(opts: RulesCommandOptions): string {
  const t = RULES_COMMAND_TEXT[opts.lang];
  const rules = [...(opts.rules ?? RULES)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows = rules.map((r) => [r.id, severityText(r, opts), r.guide ? guideMark(r.guide, opts.lang) : t.none, r.description[opts.lang]]);
  const widths = t.head.slice(0, 3).map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  const line = (cells: readonly string[]): string => [...cells.slice(0, 3).map((c, i) => pad(c, widths[i]!)), cells[3]].join('  ').trimEnd();
  return [t.title(rules.length), '', line(t.head), line(widths.map((w) => '-'.repeat(w)).concat('-'.repeat(displayWidth(t.head[3])))), ...rows.map(line)].join('\n');
}
