/**
 * What an .ods declares, counted from its content.xml as it is inflated, before SheetJS parses it: the
 * rows and cells that hold a value, with their repeats. An .ods stores runs of equal rows and cells once
 * with `table:number-rows-repeated` / `table:number-columns-repeated`, and SheetJS expands every repeat of
 * a cell with a value: one row of 16,384 cells repeated 1,048,575 times is a few hundred bytes of XML and
 * seventeen billion cells. Counting the repeats first turns that into a refusal instead of a dead thread.
 *
 * The scan reads tags only (no XML parser): the table elements are always written with the table: and
 * office: prefixes of the ODF specification. A cell counts when it has an office:value-type or any content
 * (SheetJS reads the text of a cell without a type as a string); an empty cell is written self-closing.
 */

const TAG = /<(\/?)(table:table-row|table:table-cell|table:covered-table-cell|table:table)(?=[\s/>])([^>]*)>/g;
/** A tag cut by the chunk boundary is kept for the next chunk; a tag longer than this is damage. */
const MAX_TAG = 1024 * 1024;

function repeat(attrs: string, name: string): number {
  const m = new RegExp(`${name}="(\\d{1,10})"`).exec(attrs);
  const n = m ? Number(m[1]) : 1;
  return n >= 1 ? n : 1;
}

export class OdsCounter {
  /** Rows holding at least one value, repeats counted. */
  valueRows = 0;
  /** Cells holding a value, repeats counted. */
  cells = 0;
  tables = 0;
  private carry = '';
  private rowRepeat = 1;
  private rowCells = 0;
  private inRow = false;

  push(chunk: Buffer): void {
    const text = this.carry + chunk.toString('latin1');
    let cut = text.lastIndexOf('<');
    if (cut < 0 || text.indexOf('>', cut) >= 0) cut = text.length;
    if (text.length - cut > MAX_TAG) throw new Error('content.xml: a tag longer than 1 MB');
    const body = text.slice(0, cut);
    this.carry = text.slice(cut);
    TAG.lastIndex = 0;
    for (let m = TAG.exec(body); m; m = TAG.exec(body)) this.tag(m[1] === '/', m[2]!, m[3]!);
  }

  private tag(closing: boolean, name: string, attrs: string): void {
    const selfClosing = attrs.endsWith('/');
    switch (name) {
      case 'table:table':
        if (!closing) this.tables++;
        return;
      case 'table:table-row':
        if (closing) return this.endRow();
        this.inRow = true;
        this.rowRepeat = repeat(attrs, 'table:number-rows-repeated');
        this.rowCells = 0;
        if (selfClosing) this.endRow();
        return;
      default: // a cell
        if (closing || !this.inRow) return;
        if (!selfClosing || attrs.includes('office:value-type=')) this.rowCells += repeat(attrs, 'table:number-columns-repeated');
    }
  }

  private endRow(): void {
    if (!this.inRow) return;
    this.inRow = false;
    if (this.rowCells > 0) {
      this.valueRows += this.rowRepeat;
      this.cells += this.rowCells * this.rowRepeat;
    }
  }
}
