/**
 * The one home of bilingual text: the languages, template filling, and the tables of words and phrases
 * every part of cert-check shows (src/i18n/*.ts). Rules keep their own messages (rules/*.ts), as data.
 */

export type Lang = 'zh' | 'en';

/** The same thing said in each language. */
export type InLangs<T> = Record<Lang, T>;

/** `{name}` placeholders filled from `data`; unknown names are left as they are. */
export function fillTemplate(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

/** A whole number as both languages write it in reports: 1,234,567. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** Punctuation that differs by language: a colon, a separator of clauses and of list items, a parenthesis. */
export const PUNCT = {
  zh: { colon: '：', comma: '，', list: '、', and: '、', stop: '。', paren: (x: string): string => `（${x}）` },
  en: { colon: ': ', comma: ', ', list: ', ', and: ' and ', stop: '. ', paren: (x: string): string => ` (${x})` },
} as const satisfies InLangs<unknown>;

/** A phrase given in both languages, as data (an error's detail, what kind of file something is): made text late. */
export interface Bilingual {
  readonly kind: 'text';
  readonly zh: string;
  readonly en: string;
}

export function bilingual(zh: string, en: string): Bilingual {
  return { kind: 'text', zh, en };
}
