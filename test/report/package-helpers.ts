/**
 * Reading workbook packages in the tests, independently of the writer: zip entries (with how they are stored),
 * a worksheet's top-level elements, rows and cells by regular expressions, and cell styles through exceljs.
 */
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';

export interface Part {
  data: Buffer;
  compressedSize: number;
  crc32: number;
  method: number;
}

/** Every entry of a zip, inflated, with how it was stored. */
export function zipParts(path: string): Promise<Map<string, Part>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out = new Map<string, Part>();
      zip.on('entry', (e: yauzl.Entry) => {
        zip.openReadStream(e, (err2, stream) => {
          if (err2 || !stream) return reject(err2);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            out.set(e.fileName, { data: Buffer.concat(chunks), compressedSize: e.compressedSize, crc32: e.crc32, method: e.compressionMethod });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Every entry of a zip as zipParts gives them, or null for a file that is not a whole zip (a hostile fixture). */
export async function zipPartsOrNull(path: string): Promise<Map<string, Part> | null> {
  try {
    return await zipParts(path);
  } catch {
    return null;
  }
}

/** The text of a part (UTF-8). */
export function text(parts: Map<string, Part>, name: string): string {
  const p = parts.get(name);
  if (!p) throw new Error(`no part ${name}`);
  return p.data.toString('utf8');
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every element named `local` (any prefix) in `xml`, as written. */
export function elements(xml: string, local: string): string[] {
  const re = new RegExp(`<((?:\\w+:)?${escapeRe(local)})\\b[^>]*?(?:/>|>[\\s\\S]*?</\\1>)`, 'g');
  return [...xml.matchAll(re)].map((m) => m[0]);
}

/** The attributes of an open tag. */
export function attrsOf(tag: string): Record<string, string> {
  const open = tag.slice(0, tag.indexOf('>') + 1);
  const out: Record<string, string> = {};
  for (const m of open.matchAll(/\s([\w:]+)="([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
}

export interface CellXml {
  attrs: Record<string, string>;
  /** What is inside <c>…</c> (value, formula, inline string), as written. */
  inner: string;
}

export interface RowXml {
  attrs: Record<string, string>;
  cells: Map<string, CellXml>;
}

/** The rows of a worksheet by number, their cells by reference. */
export function rowsOf(sheetXml: string): Map<number, RowXml> {
  const out = new Map<number, RowXml>();
  for (const row of sheetXml.matchAll(/<row\b[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const attrs = attrsOf(row[0]);
    const cells = new Map<string, CellXml>();
    for (const c of (row[1] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const a = attrsOf(`<c${c[1]}>`);
      cells.set(a.r!, { attrs: a, inner: c[2] ?? '' });
    }
    out.set(Number(attrs.r), { attrs, cells });
  }
  return out;
}

/** A worksheet's top-level elements but sheetData, by name (as written). */
export function sheetParts(sheetXml: string): Map<string, string> {
  const out = new Map<string, string>();
  const body = sheetXml.replace(/<sheetData\b[\s\S]*?(?:<\/sheetData>|\/>)/, '');
  for (const name of ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'autoFilter', 'mergeCells', 'conditionalFormatting',
    'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'drawing', 'legacyDrawing', 'tableParts', 'extLst']) {
    const found = elements(body, name);
    if (found.length) out.set(name, found.join(''));
  }
  return out;
}

/** Column widths by column number from <cols>. */
export function widthsOf(sheetXml: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const col of elements(elements(sheetXml, 'cols')[0] ?? '', 'col')) {
    const a = attrsOf(col);
    for (let c = Number(a.min); c <= Number(a.max); c++) if (a.width) out.set(c, Number(a.width));
  }
  return out;
}

export async function openWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** A cell's style as exceljs reads it, without the fill (and without parts exceljs gives as empty objects). */
export function styleButFill(cell: ExcelJS.Cell): string {
  const { fill: _fill, ...rest } = cell.style as Record<string, unknown>;
  const keys = Object.keys(rest).filter((k) => {
    const v = rest[k];
    return v !== undefined && !(v && typeof v === 'object' && Object.keys(v).length === 0);
  }).sort();
  return JSON.stringify(Object.fromEntries(keys.map((k) => [k, rest[k]])));
}

export function argb(cell: ExcelJS.Cell): string | undefined {
  return (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
}

export function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as string | ExcelJS.Comment | undefined;
  if (!n) return '';
  return typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join('');
}

/** LibreOffice's soffice, when installed (the tests that need it are skipped otherwise). */
export function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
}
