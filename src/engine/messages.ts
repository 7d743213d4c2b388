/** Turns findings into text: one template table per language, filled once, in the reporters. */
import type { FieldKey } from '../model/fields.js';
import { fillTemplate } from '../i18n/index.js';
import { FIELD_LABEL, GUIDE_REF, PLACE_WORDS } from '../i18n/report.js';
import type { Finding, Lang, MessageDef, Rule } from './types.js';

/** Messages the engine itself reports. */
export const ENGINE_MESSAGES: Record<string, MessageDef> = {
  crashed: {
    zh: '规则 {rule} 检查本行时出错（{error}），本行这一项未能检查，请把此行反馈给维护人员',
    en: 'rule {rule} failed on this row ({error}); this check was not done, please report the row to the maintainers',
    severity: 'error',
  },
};

/** What the messages of a rule are made of: plain data, so a book can be rebuilt in another thread. */
export type RuleText = Pick<Rule, 'id' | 'description' | 'messages'> & { guide?: string };

export class MessageBook {
  private readonly rules: ReadonlyMap<string, RuleText>;

  constructor(rules: readonly RuleText[]) {
    this.rules = new Map(rules.map((r) => [r.id, r]));
  }

  rule(id: string): RuleText | undefined {
    return this.rules.get(id);
  }

  /** The rules' texts as plain data (`new MessageBook(book.texts())` is the same book). */
  texts(): RuleText[] {
    return [...this.rules.values()].map((r) => ({ id: r.id, description: r.description, messages: r.messages, ...(r.guide ? { guide: r.guide } : {}) }));
  }

  /** The finding's message in the language, naming the guide section where the rule has one. */
  format(f: Finding, lang: Lang): string {
    const rule = this.rules.get(f.rule);
    const def = rule?.messages[f.messageId] ?? ENGINE_MESSAGES[f.messageId];
    if (!def) return `${f.rule}: ${f.messageId}`;
    const text = fillTemplate(def[lang], { rule: f.rule, ...f.data });
    if (!rule?.guide || f.messageId === 'crashed') return text;
    return GUIDE_REF[lang](text, rule.guide);
  }

  description(id: string, lang: Lang): string {
    return this.rules.get(id)?.description[lang] ?? id;
  }
}

/** A field's label (its header in Chinese, its English name), or the word for a whole row. */
export function fieldLabel(field: FieldKey | null, lang: Lang): string {
  return field ? FIELD_LABEL[lang](field) : PLACE_WORDS[lang].row;
}
