/**
 * The shared-string table (xl/sharedStrings.xml) as the sheet reader looks its cells up: each <si> is a string, or
 * {richText: [{font, text}]} when it is made of runs (<r>), the shapes exceljs gives, escapes (_x000D_) undone;
 * null for one with no text (an empty <t/>), whose cell then reads as empty.
 *
 * Read from the events of ./xml-scan.ts, and right where exceljs 4.4's own parser is not: only the text of <t>
 * elements counts — a phonetic reading (<rPh><t>…</t></rPh>, which WPS and Excel write for names typed with an
 * input method) took the place of the string there, and the whitespace of an indented part became part of it.
 */
import type { XmlHandler, XmlTag } from './xml-scan.js';
import { decodeXString } from './xlsx-sheet.js';

interface Font {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  outline?: boolean;
  size?: number;
  name?: string;
  family?: number;
  charset?: number;
  vertAlign?: string;
  color?: { argb?: string; theme?: number };
}

/** "x:si" → "si". */
function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

export class SharedStringsParser implements XmlHandler {
  /** The strings in order (null: an <si> with no text). */
  readonly strings: unknown[] = [];
  private inSi = false;
  private siText: string | null = null;
  private runs: { font: Font | null; text: string | null }[] = [];
  private inRun = false;
  private runText: string | null = null;
  private font: Font | null = null;
  private inRunProps = false;
  /** Depth inside <rPh> (phonetic runs are not the string). */
  private phonetic = 0;
  private inT = false;

  open(tag: XmlTag): void {
    const name = local(tag.name);
    const a = tag.attributes;
    if (name === 'si') {
      this.inSi = true;
      this.siText = null;
      this.runs = [];
      return;
    }
    if (!this.inSi) return;
    switch (name) {
      case 'rPh':
        this.phonetic++;
        return;
      case 'r':
        if (this.phonetic) return;
        this.inRun = true;
        this.runText = null;
        this.font = null;
        return;
      case 'rPr':
        if (this.inRun) this.inRunProps = true;
        return;
      case 't':
        if (!this.phonetic) this.inT = true;
        return;
      default:
        if (this.inRunProps) this.fontProperty(name, a);
    }
  }

  text(text: string): void {
    if (!this.inT) return;
    if (this.inRun) this.runText = (this.runText ?? '') + text;
    else this.siText = (this.siText ?? '') + text;
  }

  close(tag: XmlTag): void {
    const name = local(tag.name);
    switch (name) {
      case 't':
        // An empty <t/> is no text, as exceljs reads it: the cell is empty.
        this.inT = false;
        return;
      case 'rPh':
        if (this.phonetic) this.phonetic--;
        return;
      case 'rPr':
        this.inRunProps = false;
        return;
      case 'r':
        if (!this.inRun) return;
        this.inRun = false;
        this.runs.push({ font: this.font, text: this.runText === null ? null : decodeXString(this.runText) });
        return;
      case 'si':
        if (!this.inSi) return;
        this.inSi = false;
        this.strings.push(this.runs.length ? { richText: this.runs } : this.siText === null ? null : decodeXString(this.siText));
        return;
      default:
    }
  }

  private fontProperty(name: string, a: Record<string, string>): void {
    const f = (this.font ??= {});
    const val = a.val;
    switch (name) {
      case 'b':
        f.bold = val !== '0' && val !== 'false';
        return;
      case 'i':
        f.italic = val !== '0' && val !== 'false';
        return;
      case 'u':
        f.underline = val !== 'none';
        return;
      case 'strike':
        f.strike = val !== '0' && val !== 'false';
        return;
      case 'outline':
        f.outline = val !== '0' && val !== 'false';
        return;
      case 'sz':
        if (val !== undefined) f.size = parseFloat(val);
        return;
      case 'rFont':
        if (val !== undefined) f.name = val;
        return;
      case 'family':
        if (val !== undefined) f.family = parseInt(val, 10);
        return;
      case 'charset':
        if (val !== undefined) f.charset = parseInt(val, 10);
        return;
      case 'vertAlign':
        if (val !== undefined) f.vertAlign = val;
        return;
      case 'color':
        f.color = {};
        if (a.rgb !== undefined) f.color.argb = a.rgb;
        if (a.theme !== undefined) f.color.theme = parseInt(a.theme, 10);
        return;
      default:
    }
  }
}
