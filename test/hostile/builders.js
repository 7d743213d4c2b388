// Builders of hostile spreadsheets, shared by the hostile test suite (test/hostile/*.ts) and the benchmark
// (bench/hostile.js). Plain ESM JavaScript so that `npm run bench` can import it without a TypeScript step.
//
// Everything is streamed: sheet XML comes from a generator of chunks, is deflated incrementally and written
// to the file as it comes, so a zip bomb of hundreds of MB or a sheet of 1,048,576 rows is built in a few
// seconds without holding the XML in memory.
import { closeSync, openSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/** Excel's limits. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLS = 16_384;

/** The canonical headers of a registration sheet, in the platform's order. */
export const HEADERS = ['姓名', '身份证号', '出生年月', '职称系列', '职称级别', '职称名称', '取得方式', '批准文号', '行政区划',
  '评审活动是否设置评审专业', '评审专业名称', '本地评审专业', '发证时间', '取得时间', '审核机关（单位）', '评审机构', '证书编号',
  '免冠照', '证书附件'];

/** A correct 中级 工程技术 row (the same person as test/helpers/records.ts GOOD_ROW), in HEADERS order. */
export const GOOD_VALUES = ['张三', '500224198001011235', '1980.01', '工程技术', '中级', '工程师', '评审', '铜职改办【2019】12号',
  '铜梁区', '是', '建设', '', '2019-12-20', '2019-11-15', '铜梁区人力资源和社会保障局', '重庆市工程技术中级职务铜梁区评审委员会',
  'TL20190012', '500224198001011235.jpg', '500224198001011235.pdf'];

/** 1 → A, 16384 → XFD. */
export function col(n) {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Text escaped for XML character data and attributes. */
export function esc(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The XML of one row. Cells: a string (inline string), a number, null/undefined/'' (skipped), or an object
 * `{ f: 'A1+1', v?: 3 }` (a formula, with a cached value only when `v` is given) or `{ xml: '<c …/>' }`.
 */
export function rowXml(r, cells, firstCol = 1) {
  let out = `<row r="${r}">`;
  cells.forEach((v, i) => {
    if (v === null || v === undefined || v === '') return;
    const ref = `${col(firstCol + i)}${r}`;
    if (typeof v === 'number') out += `<c r="${ref}"><v>${v}</v></c>`;
    else if (typeof v === 'object' && 'xml' in v) out += v.xml;
    else if (typeof v === 'object') out += `<c r="${ref}"${typeof v.v === 'string' ? ' t="str"' : ''}><f>${esc(v.f)}</f>${v.v === undefined ? '' : `<v>${esc(v.v)}</v>`}</c>`;
    else out += `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
  });
  return `${out}</row>`;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export function sheetHead(extra = '') {
  return `${XML_HEAD}<worksheet ${NS}>${extra}<sheetData>`;
}
export function sheetTail(afterSheetData = '') {
  return `</sheetData>${afterSheetData}</worksheet>`;
}

/** The fixed parts of a workbook with the given sheet names (sheet i is xl/worksheets/sheet{i+1}.xml). */
export function workbookParts(sheetNames) {
  const overrides = sheetNames.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return [
    {
      name: '[Content_Types].xml',
      data: `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `${XML_HEAD}<workbook ${NS}><sheets>${sheetNames.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetNames.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheetNames.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    },
    {
      name: 'xl/styles.xml',
      data: `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`,
    },
  ];
}

/**
 * Writes a zip file entry by entry. `data` is a string, a Buffer, or an (async) iterable of strings/Buffers
 * deflated as it comes. `declare` overrides the sizes written in the headers (a lying zip).
 * Sizes are filled in by seeking back, so no data descriptors are needed; no ZIP64 (entries < 4 GiB).
 */
export async function writeZipStream(path, entries, { level = constants.Z_BEST_COMPRESSION } = {}) {
  const fd = openSync(path, 'w');
  let offset = 0;
  const central = [];
  const write = (buf, pos) => {
    writeSync(fd, buf, 0, buf.length, pos ?? offset);
    if (pos === undefined) offset += buf.length;
  };
  try {
    for (const e of entries) {
      const name = Buffer.from(e.name, 'utf8');
      const headerAt = offset;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x0800, 6); // UTF-8 names
      local.writeUInt16LE(8, 8); // deflate
      local.writeUInt16LE(name.length, 26);
      write(local);
      write(name);
      let crc = 0;
      let size = 0;
      let packed = 0;
      if (typeof e.data === 'string' || Buffer.isBuffer(e.data)) {
        const raw = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
        const out = deflateRawSync(raw, { level });
        crc = crc32(raw);
        size = raw.length;
        packed = out.length;
        write(out);
      } else {
        const z = createDeflateRaw({ level, memLevel: 9 });
        const drained = (async () => {
          for await (const chunk of z) {
            packed += chunk.length;
            write(chunk);
          }
        })();
        for await (const piece of e.data) {
          const buf = Buffer.isBuffer(piece) ? piece : Buffer.from(piece, 'utf8');
          crc = crc32(buf, crc);
          size += buf.length;
          if (!z.write(buf)) await once(z, 'drain');
        }
        z.end();
        await drained;
      }
      const declared = { crc, compressed: packed, uncompressed: e.declare?.uncompressed ?? size };
      local.writeUInt32LE(declared.crc >>> 0, 14);
      local.writeUInt32LE(declared.compressed, 18);
      local.writeUInt32LE(declared.uncompressed, 22);
      write(local, headerAt);
      central.push({ name, headerAt, ...declared });
    }
    const cdAt = offset;
    for (const c of central) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(0x0800, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt32LE(c.crc >>> 0, 16);
      h.writeUInt32LE(c.compressed, 20);
      h.writeUInt32LE(c.uncompressed, 24);
      h.writeUInt16LE(c.name.length, 28);
      h.writeUInt32LE(c.headerAt, 42);
      write(h);
      write(c.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(central.length, 8);
    end.writeUInt16LE(central.length, 10);
    end.writeUInt32LE(offset - cdAt, 12);
    end.writeUInt32LE(cdAt, 16);
    write(end);
  } finally {
    closeSync(fd);
  }
  return offset;
}

/**
 * A one-sheet .xlsx whose sheet XML is streamed from `chunks` (an iterable of strings without the
 * worksheet head and tail). `sheetExtra` goes before <sheetData>, `after` after it (e.g. <mergeCells>).
 */
export async function writeXlsx(path, chunks, { sheet = '登记表', sheetExtra = '', after = '', declare, level } = {}) {
  async function* sheetXml() {
    yield sheetHead(sheetExtra);
    let buf = '';
    for await (const c of chunks) {
      buf += c;
      if (buf.length >= 1 << 16) {
        yield buf;
        buf = '';
      }
    }
    yield buf + sheetTail(after);
  }
  return writeZipStream(path, [...workbookParts([sheet]), { name: 'xl/worksheets/sheet1.xml', data: sheetXml(), declare }], { level });
}

/** The columns of the million-row sheet: enough for a header, short enough to stay under the XML limit. */
export const MILLION_HEADERS = ['姓名', '身份证号', '职称名称', '批准文号', '发证时间'];

/**
 * A sheet of Excel's full height: a header on row 1, then data rows up to row 1,048,576 (the last row
 * Excel has), five short text cells each: ~300 MB of XML (under the 1 GiB sheet-XML limit, so the row
 * limit is what refuses it), ~25 MB compressed, written in a few seconds.
 */
export async function buildMillionRows(path, rows = EXCEL_MAX_ROWS) {
  const cells = ['A', 'B', 'C', 'D', 'E'];
  async function* chunks() {
    yield rowXml(1, MILLION_HEADERS);
    let buf = '';
    for (let r = 2; r <= rows; r++) {
      const v = ['张' + (r % 9973), `5002241980${String(r % 1e8).padStart(8, '0')}`, '工程师', `铜职改办【2019】${r}号`, '2019-12-20'];
      buf += `<row r="${r}">`;
      for (let i = 0; i < 5; i++) buf += `<c r="${cells[i]}${r}" t="inlineStr"><is><t>${v[i]}</t></is></c>`;
      buf += '</row>';
      if (buf.length > 1 << 20) {
        yield buf;
        buf = '';
      }
    }
    yield buf;
  }
  return writeXlsx(path, chunks(), { level: 1 });
}

/**
 * A zip bomb: a sheet of `mb` MB of XML (one header row, then the same cell repeated inside one row and
 * the row repeated) compressed ~1000:1 to a few hundred KB. With `lie`, the zip headers declare an
 * uncompressed size of 64 KiB, so only a reader that counts what it inflates notices.
 * `kind`: 'rows' repeats non-empty data rows; 'cell' puts everything into one giant cell.
 */
export async function buildZipBomb(path, { mb = 300, lie = false, kind = 'rows' } = {}) {
  const target = mb * 1024 * 1024;
  async function* chunks() {
    yield rowXml(1, ['姓名', '身份证号', '职称名称', '批准文号']);
    if (kind === 'cell') {
      yield '<row r="2"><c r="A2" t="inlineStr"><is><t>';
      const piece = 'A'.repeat(1 << 20);
      for (let n = 0; n < target; n += piece.length) yield piece;
      yield '</t></is></c></row>';
      return;
    }
    // Rows without their r attribute (allowed by the schema): every row is byte-identical, so deflate
    // reaches its best ratio; exceljs numbers them in order.
    const row = `<row><c t="inlineStr"><is><t>${'炸'.repeat(60)}</t></is></c></row>`;
    const piece = row.repeat(Math.ceil((1 << 20) / Buffer.byteLength(row)));
    for (let n = 0; n < target; n += Buffer.byteLength(piece)) yield piece;
  }
  return writeXlsx(path, chunks(), { declare: lie ? { uncompressed: 64 * 1024 } : undefined });
}
