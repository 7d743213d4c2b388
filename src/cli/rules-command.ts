/**
 * `cert-check rules`: every registered rule with its id, severity (the default, or as configured), the
 * guide section it enforces and its description, as a plain-text table (one rule a line).
 */
import { RULES } from '../../rules/index.js';
import { guideSectionEn } from '../engine/messages.js';
import type { Lang, Rule, Severity, SeveritySetting } from '../engine/types.js';

export interface RulesCommandOptions {
  lang: Lang;
  /** Severities from the configuration by rule id ('off' disables a rule). */
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** The rules to list (default: the registry). */
  rules?: readonly Rule[];
}

const TEXT = {
  zh: {
    head: ['规则', '级别', '指南', '说明'],
    severity: { error: '错误', warning: '警告', info: '提示', off: '关闭' } as Record<SeveritySetting, string>,
    configured: '（配置）',
    none: '—',
    title: (n: number) => `共 ${n} 条规则（级别：错误 = 平台会拒绝或指南不允许；警告 = 可能有误，请人工核对；提示 = 供参考）`,
  },
  en: {
    head: ['Rule', 'Severity', 'Guide', 'Description'],
    severity: { error: 'error', warning: 'warning', info: 'info', off: 'off' } as Record<SeveritySetting, string>,
    configured: ' (config)',
    none: '-',
    title: (n: number) => `${n} rules (error: the platform refuses it or the guide forbids it; warning: probably wrong, a person should look; info: for reference)`,
  },
} as const;

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
  const t = TEXT[opts.lang];
  const configured = opts.severities?.[rule.id];
  if (configured) return `${t.severity[configured]}${t.configured}`;
  const all = new Set<Severity>([rule.severity]);
  for (const m of Object.values(rule.messages)) if (m.severity) all.add(m.severity);
  return [...all].map((s) => t.severity[s]).join('/');
}

/** The listing as text (no trailing newline), sorted by rule id. */
export function rulesCommand(opts: RulesCommandOptions): string {
  const t = TEXT[opts.lang];
  const rules = [...(opts.rules ?? RULES)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows = rules.map((r) => [r.id, severityText(r, opts), r.guide ? (opts.lang === 'zh' ? r.guide : `§${guideSectionEn(r.guide)}`) : t.none, r.description[opts.lang]]);
  const widths = t.head.slice(0, 3).map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  const line = (cells: readonly string[]): string => [...cells.slice(0, 3).map((c, i) => pad(c, widths[i]!)), cells[3]].join('  ').trimEnd();
  return [t.title(rules.length), '', line(t.head), line(widths.map((w) => '-'.repeat(w)).concat('-'.repeat(displayWidth(t.head[3])))), ...rows.map(line)].join('\n');
}
