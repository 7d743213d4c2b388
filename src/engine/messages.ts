/** Turns findings into text: one template table per language, filled once, in the reporters. */
import { FIELDS, type FieldKey } from '../model/fields.js';
import { fillTemplate } from '../i18n/index.js';
import type { Finding, Lang, MessageDef, Rule } from './types.js';

/** Messages the engine itself reports. */
export const ENGINE_MESSAGES: Record<string, MessageDef> = {
  crashed: {
    zh: '规则 {rule} 检查本行时出错（{error}），本行这一项未能检查，请把此行反馈给维护人员',
    en: 'rule {rule} failed on this row ({error}); this check was not done, please report the row to the maintainers',
    severity: 'error',
  },
};

export class MessageBook {
  private readonly rules: ReadonlyMap<string, Rule>;

  constructor(rules: readonly Rule[]) {
    this.rules = new Map(rules.map((r) => [r.id, r]));
  }

  rule(id: string): Rule | undefined {
    return this.rules.get(id);
  }

  /** The finding's message in the language, naming the guide section where the rule has one. */
  format(f: Finding, lang: Lang): string {
    const rule = this.rules.get(f.rule);
    const def = rule?.messages[f.messageId] ?? ENGINE_MESSAGES[f.messageId];
    if (!def) return `${f.rule}: ${f.messageId}`;
    const text = fillTemplate(def[lang], { rule: f.rule, ...f.data });
    if (!rule?.guide || f.messageId === 'crashed') return text;
    return lang === 'zh' ? `${text}（见指南 ${rule.guide}）` : `${text} (guide §${guideSectionEn(rule.guide)})`;
  }

  description(id: string, lang: Lang): string {
    return this.rules.get(id)?.description[lang] ?? id;
  }
}

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一…九十九 → 1…99. */
function numeral(text: string): number | null {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || !text) return null;
  const tens = m[2] ? (m[1] ? NUMERALS[m[1]]! : 1) : 0;
  const ones = m[2] ? (m[3] ? NUMERALS[m[3]]! : 0) : NUMERALS[m[1] ?? '']!;
  return tens * 10 + ones;
}

/** The guide's section marks in Latin numbers for English text: 三（十四） → 3.14, 二（一） → 2.1. */
export function guideSectionEn(section: string): string {
  return section.replace(/、/g, ', ').replace(/([一二三四五六七八九十]+)(?:[（(]([一二三四五六七八九十]+)[）)])?/g, (whole, a: string, b?: string) => {
    const x = numeral(a);
    const y = b ? numeral(b) : null;
    if (x === null || (b && y === null)) return whole;
    return y === null ? String(x) : `${x}.${y}`;
  });
}

export function fieldLabel(field: FieldKey | null, lang: Lang): string {
  if (!field) return lang === 'zh' ? '整行' : 'row';
  return lang === 'zh' ? FIELDS[field].header : FIELDS[field].en;
}

export const SEVERITY_LABEL: Record<Lang, Record<Finding['severity'], string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};
