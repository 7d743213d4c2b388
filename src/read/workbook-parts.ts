/**
 * The small parts of an .xlsx the reader needs before the sheets — the workbook (its sheets, their states and
 * relationship ids, the 1904 date system), the workbook's relationships, and the styles (the number format of
 * each cell format) — read with ./xml-scan.ts as exceljs 4.4's parsers read them, so that the reading thread
 * does not load exceljs at all (a fifth of a second before the first row of a large workbook).
 *
 * What exceljs does is kept, names as written (no namespace prefixes), including its quirks: a sheet name's
 * entities are decoded a second time (utils.xmlDecode), only date1904="1" is the 1904 system, a built-in number
 * format id without a code stays an id. test/read/workbook-parts.test.ts compares both on every fixture.
 */
import { XmlScanner, type XmlHandler, type XmlTag } from './xml-scan.js';

export interface WorkbookModel {
  sheets: { name?: string; id: number; state?: string; rId?: string }[];
  date1904: boolean;
}

export interface Relationship {
  Id: string;
  Type?: string;
  Target: string;
  [attribute: string]: string | undefined;
}

/** The number format of a cell format (style index): its code, a built-in id without one, or undefined. */
export type NumFmtLookup = (s: number) => string | number | undefined;

function scan(xml: string, handler: XmlHandler): void {
  const s = new XmlScanner(handler);
  s.write(xml);
  s.close();
}

const noText = (): void => {};

/** The second decoding exceljs gives a sheet's name (utils.xmlDecode). */
function xmlDecodeAgain(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => ({ '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': "'", '&quot;': '"' })[c] ?? c);
}

export function parseWorkbook(xml: string): WorkbookModel {
  const model: WorkbookModel = { sheets: [], date1904: false };
  let inSheets = false;
  scan(xml, {
    open(t: XmlTag) {
      const a = t.attributes;
      if (t.name === 'workbookPr') model.date1904 = a.date1904 === '1';
      else if (t.name === 'sheets') inSheets = true;
      else if (t.name === 'sheet' && inSheets) {
        model.sheets.push({ name: a.name === undefined ? undefined : xmlDecodeAgain(a.name), id: parseInt(a.sheetId ?? '', 10), state: a.state, rId: a['r:id'] });
      }
    },
    text: noText,
    close(t: XmlTag) {
      if (t.name === 'sheets') inSheets = false;
    },
  });
  return model;
}

export function parseRelationships(xml: string): Relationship[] {
  const rels: Relationship[] = [];
  scan(xml, {
    open(t: XmlTag) {
      if (t.name === 'Relationship') rels.push({ ...t.attributes } as Relationship);
    },
    text: noText,
    close: noText,
  });
  return rels;
}

/**
 * The number format of each cell format of styles.xml, as exceljs's StyleManager gives it (getStyleModel(s).numFmt),
 * else the format's numFmtId when it names a built-in format exceljs has no code for (CJK dates, 27–36 and 50–58).
 */
export function parseStyles(xml: string, builtIn: (id: number) => string | undefined): NumFmtLookup {
  const codes: string[] = [];
  const xfIds: number[] = [];
  let list: 'numFmts' | 'cellXfs' | null = null;
  scan(xml, {
    open(t: XmlTag) {
      const a = t.attributes;
      if (t.name === 'numFmts' || t.name === 'cellXfs') list = t.name;
      else if (list === 'numFmts' && t.name === 'numFmt' && a.formatCode !== undefined) codes[parseInt(a.numFmtId ?? '', 10)] = a.formatCode.replace(/[\\](.)/g, '$1');
      else if (list === 'cellXfs' && t.name === 'xf') xfIds.push(parseInt(a.numFmtId ?? '', 10));
    },
    text: noText,
    close(t: XmlTag) {
      if (t.name === list) list = null;
    },
  });
  const cache = new Map<number, string | number | undefined>();
  return (s) => {
    if (cache.has(s)) return cache.get(s);
    let fmt: string | number | undefined;
    const id = xfIds[s];
    if (id) fmt = codes[id] || builtIn(id) || id; // NaN and 0: no format
    cache.set(s, fmt);
    return fmt;
  };
}
