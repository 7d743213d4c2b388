import * as XLSX from '@e965/xlsx';
import { deflateRawSync, crc32 } from 'node:zlib';
function zipBytes(entries) {
  const locals = [], centrals = []; let offset = 0;
  for (const e of entries) {
    const data = Buffer.from(e.data); const packed = e.store ? data : deflateRawSync(data); const name = Buffer.from(e.name);
    const local = Buffer.alloc(30); local.writeUInt32LE(0x04034b50,0); local.writeUInt16LE(20,4); local.writeUInt16LE(e.store?0:8,8); local.writeUInt32LE(crc32(data),14); local.writeUInt32LE(packed.length,18); local.writeUInt32LE(data.length,22); local.writeUInt16LE(name.length,26);
    locals.push(local,name,packed);
    const c = Buffer.alloc(46); c.writeUInt32LE(0x02014b50,0); c.writeUInt16LE(20,4); c.writeUInt16LE(20,6); c.writeUInt16LE(e.store?0:8,10); c.writeUInt32LE(crc32(data),16); c.writeUInt32LE(packed.length,20); c.writeUInt32LE(data.length,24); c.writeUInt16LE(name.length,28); c.writeUInt32LE(offset,42);
    centrals.push(c,name); offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals); const end = Buffer.alloc(22); end.writeUInt32LE(0x06054b50,0); end.writeUInt16LE(entries.length,8); end.writeUInt16LE(entries.length,10); end.writeUInt32LE(cd.length,12); end.writeUInt32LE(offset,16);
  return Buffer.concat([...locals, cd, end]);
}
const rowsRep = Number(process.argv[2]), colsRep = Number(process.argv[3]);
const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="S"><table:table-row><table:table-cell office:value-type="string"><text:p>姓名</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="${rowsRep}"><table:table-cell table:number-columns-repeated="${colsRep}" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
const buf = zipBytes([{name:'mimetype', data:'application/vnd.oasis.opendocument.spreadsheet', store:true},{name:'META-INF/manifest.xml', data:'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'},{name:'content.xml', data: content},{name:'styles.xml', data:'<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'}]);
const t0 = performance.now();
const wb = XLSX.read(buf, { type: 'buffer', dense: true, cellText: false, sheetRows: Number(process.argv[4] || 0) || undefined });
const ws = wb.Sheets.S;
console.log('ms', Math.round(performance.now()-t0), ws['!ref'], ws['!fullref'], ws['!data'].length, ws['!data'][1]?.length, Math.round(process.memoryUsage().heapUsed/2**20));
