/** Reading the sheets back with a real HTML parser (parse5): elements, attributes and text as a browser sees them. */
import { parse, type DefaultTreeAdapterMap, type ParserError } from 'parse5';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

export interface Parsed {
  doc: DefaultTreeAdapterMap['document'];
  /** What the parser found wrong with the markup (none for well-formed HTML). */
  errors: ParserError[];
}

export function parseHtml(html: string): Parsed {
  const errors: ParserError[] = [];
  const doc = parse(html, { onParseError: (e) => errors.push(e) });
  return { doc, errors };
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

/** Every element below `root` (document order) that passes `pred`. */
export function elements(root: Node, pred: (el: Element) => boolean = () => true): Element[] {
  const out: Element[] = [];
  const walk = (node: Node): void => {
    if (isElement(node) && pred(node)) out.push(node);
    const children = 'childNodes' in node ? node.childNodes : [];
    for (const child of children) walk(child);
    if (isElement(node) && node.tagName === 'template') walk((node as DefaultTreeAdapterMap['template']).content);
  };
  walk(root);
  return out;
}

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

export function hasClass(el: Element, cls: string): boolean {
  return (attr(el, 'class') ?? '').split(/\s+/).includes(cls);
}

/** The text inside a node, as the DOM's textContent. */
export function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  const children = 'childNodes' in node ? node.childNodes : [];
  return children.map(text).join('');
}

export function byClass(root: Node, cls: string): Element[] {
  return elements(root, (el) => hasClass(el, cls));
}

export function one(root: Node, pred: (el: Element) => boolean): Element {
  const found = elements(root, pred);
  if (found.length !== 1) throw new Error(`expected one element, found ${found.length}`);
  return found[0]!;
}

/** The rows of a sheet's field table: field key → its cells. */
export interface FieldRow {
  field: string;
  action: string;
  classes: string[];
  section: string;
  label: string;
  /** The exact value (the bold text), '' when the line has none. */
  value: string;
  /** The whole value cell: value, file facts, notes, warnings. */
  cell: string;
  note: string;
  warnings: string[];
  hint: string;
}

export function fieldRows(root: Node): FieldRow[] {
  return elements(root, (el) => el.tagName === 'tr' && attr(el, 'data-field') !== undefined).map((tr) => {
    const tds = elements(tr, (el) => el.tagName === 'td');
    const cell = tds.find((td) => hasClass(td, 'value'))!;
    const v = byClass(cell, 'v')[0];
    return {
      field: attr(tr, 'data-field')!,
      action: attr(tr, 'data-action')!,
      classes: (attr(tr, 'class') ?? '').split(/\s+/).filter(Boolean),
      section: text(tds.find((td) => hasClass(td, 'sec'))!),
      label: text(tds.find((td) => hasClass(td, 'label'))!),
      value: v ? text(v) : '',
      cell: text(cell),
      note: byClass(cell, 'note').map(text).join(' '),
      warnings: byClass(cell, 'warn').map(text),
      hint: text(tds.find((td) => hasClass(td, 'hint'))!),
    };
  });
}
