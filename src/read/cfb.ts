/**
 * The Compound File Binary container of an .xls/.et (and of an encrypted .xlsx), checked before any library
 * parses it. SheetJS's own CFB reader trusts the file: a sector chain that loops (get_sector_list) or a
 * directory whose sibling links form a ring (build_full_paths) keeps it running until the heap is gone. Here
 * every structure is read with bounds: the header, the DIFAT chain, the FAT, the directory (a tree: every
 * entry reached once), the mini FAT and every stream's chain, each chain walked at most once per sector,
 * inside the file and long enough for the stream's declared size. Only the FAT, the directory and the
 * mini FAT are read (a few KB per MB of file), never the streams themselves, except the first bytes of the
 * workbook stream (to find the BIFF FILEPASS record of a password-protected .xls).
 */
import type { FileHandle } from 'node:fs/promises';

export const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const MAXREGSECT = 0xfffffffa;
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const NOSTREAM = 0xffffffff;
const MINI_SECTOR = 64;

/** A structural problem of the container, in a few English words (shown in the refusal). */
export class CfbError extends Error {}

export interface CfbStream {
  name: string;
  /** 1 storage, 2 stream, 5 root. */
  type: number;
  size: number;
  start: number;
}

export interface CfbFacts {
  /** Every named entry of the directory (storages and streams). */
  names: string[];
  /** The BIFF workbook stream: 'Workbook' (BIFF8, Excel 97 and later, WPS) or 'Book' (BIFF5, Excel 95); null when neither. */
  workbook: 'Workbook' | 'Book' | null;
  /** The workbook stream starts with a BOF record followed by FILEPASS: the .xls has an opening password. */
  biffEncrypted: boolean;
}

interface Layout {
  ssz: number;
  /** Sectors in the file after the header (the last may be partial). */
  count: number;
  fat: Uint32Array;
}

async function readAt(fh: FileHandle, length: number, position: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  if (bytesRead < length) {
    // The last sector of a file may be cut short: what is missing reads as zeros, but a sector that
    // starts beyond the end is damage.
    if (bytesRead === 0) throw new CfbError(`sector at byte ${position} beyond the end of the file`);
  }
  return buf;
}

/** The sectors of a chain, in order; a loop, a sector outside the file or a broken link is an error. */
function chain(layout: Layout, start: number, what: string): number[] {
  const out: number[] = [];
  if (start === ENDOFCHAIN || start === FREESECT) return out;
  const seen = new Uint8Array(layout.count);
  for (let s = start; ; ) {
    if (s >= layout.count) throw new CfbError(`${what}: sector ${s} beyond the end of the file`);
    if (seen[s]) throw new CfbError(`${what}: the FAT chain loops at sector ${s}`);
    seen[s] = 1;
    out.push(s);
    const next = layout.fat[s];
    if (next === undefined) throw new CfbError(`${what}: sector ${s} outside the FAT`);
    if (next === ENDOFCHAIN) return out;
    if (next > MAXREGSECT) throw new CfbError(`${what}: broken FAT chain after sector ${s}`);
    s = next;
  }
}

/**
 * Checks the whole container of an OLE2 file of `size` bytes and returns its directory names and what its
 * workbook stream says; throws CfbError for anything that is not a sound compound file.
 */
export async function inspectCfb(fh: FileHandle, size: number): Promise<CfbFacts> {
  if (size < 1024) throw new CfbError('shorter than one header and one sector');
  const header = await readAt(fh, 512, 0);
  if (!header.subarray(0, 8).equals(OLE2_MAGIC)) throw new CfbError('no compound-file signature');
  if (header.readUInt16LE(0x1c) !== 0xfffe) throw new CfbError('bad byte-order mark');
  const shift = header.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) throw new CfbError(`sector shift ${shift}`);
  if (header.readUInt16LE(0x20) !== 6) throw new CfbError('mini sector shift is not 6');
  const ssz = 1 << shift;
  const count = Math.ceil((size - ssz) / ssz);
  if (count < 1) throw new CfbError('no sector after the header');
  const numFat = header.readUInt32LE(0x2c);
  const firstDir = header.readUInt32LE(0x30);
  const cutoff = header.readUInt32LE(0x38);
  const firstMiniFat = header.readUInt32LE(0x3c);
  const numMiniFat = header.readUInt32LE(0x40);
  let difatSector = header.readUInt32LE(0x44);
  const numDifat = header.readUInt32LE(0x48);
  if (numFat === 0 || numFat > count) throw new CfbError(`${numFat} FAT sectors in a file of ${count}`);
  if (numDifat > count || numMiniFat > count) throw new CfbError('more DIFAT or mini FAT sectors than the file holds');

  // DIFAT: the FAT's own sectors, 109 in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < numFat; i++) fatSectors.push(header.readUInt32LE(0x4c + 4 * i));
  const perSector = ssz / 4;
  const seenDifat = new Set<number>();
  for (let n = 0; fatSectors.length < numFat; n++) {
    if (n >= numDifat || difatSector > MAXREGSECT) throw new CfbError('the DIFAT chain ends before every FAT sector is listed');
    if (difatSector >= count) throw new CfbError(`DIFAT sector ${difatSector} beyond the end of the file`);
    if (seenDifat.has(difatSector)) throw new CfbError(`the DIFAT chain loops at sector ${difatSector}`);
    seenDifat.add(difatSector);
    const s = await readAt(fh, ssz, (difatSector + 1) * ssz);
    for (let i = 0; i < perSector - 1 && fatSectors.length < numFat; i++) fatSectors.push(s.readUInt32LE(4 * i));
    difatSector = s.readUInt32LE(ssz - 4);
  }
  const fatSeen = new Set<number>();
  const fat = new Uint32Array(numFat * perSector);
  for (const [i, sector] of fatSectors.entries()) {
    if (sector >= count) throw new CfbError(`FAT sector ${sector} beyond the end of the file`);
    if (fatSeen.has(sector)) throw new CfbError(`FAT sector ${sector} listed twice`);
    fatSeen.add(sector);
    const s = await readAt(fh, ssz, (sector + 1) * ssz);
    for (let k = 0; k < perSector; k++) fat[i * perSector + k] = s.readUInt32LE(4 * k);
  }
  const layout: Layout = { ssz, count, fat };

  // Directory: 128-byte entries in a chain of sectors.
  const dirSectors = chain(layout, firstDir, 'directory');
  if (!dirSectors.length) throw new CfbError('no directory');
  const entries: (CfbStream & { left: number; right: number; child: number })[] = [];
  for (const sector of dirSectors) {
    const s = await readAt(fh, ssz, (sector + 1) * ssz);
    for (let off = 0; off + 128 <= ssz; off += 128) {
      const nameLen = s.readUInt16LE(off + 64);
      const type = s[off + 66]!;
      const name = nameLen >= 2 && nameLen <= 64 ? s.toString('utf16le', off, off + nameLen - 2) : '';
      entries.push({
        name, type, left: s.readUInt32LE(off + 68), right: s.readUInt32LE(off + 72), child: s.readUInt32LE(off + 76),
        start: s.readUInt32LE(off + 116), size: s.readUInt32LE(off + 120),
      });
    }
  }
  const root = entries[0]!;
  if (root.type !== 5) throw new CfbError('the first directory entry is not the root');

  // The directory is a tree: every link inside the directory, no entry linked twice, no ring.
  const parent = new Int32Array(entries.length).fill(-1);
  for (const [i, e] of entries.entries()) {
    if (e.type === 0) continue;
    for (const target of [e.left, e.right, e.child]) {
      if (target === NOSTREAM) continue;
      if (target >= entries.length || target === 0) throw new CfbError(`directory entry ${i} links to entry ${target}`);
      if (parent[target] !== -1) throw new CfbError(`directory entry ${target} is linked twice`);
      parent[target] = i;
    }
  }
  for (let i = 0; i < entries.length; i++) {
    let steps = 0;
    for (let p = parent[i]!; p !== -1; p = parent[p]!) {
      if (++steps > entries.length) throw new CfbError('the directory links form a ring');
    }
  }

  // The mini stream (held by the root entry) and the mini FAT, for the streams below the cutoff.
  const miniStream = root.size > 0 ? chain(layout, root.start, 'mini stream') : [];
  if (miniStream.length * ssz < root.size) throw new CfbError('the mini stream is shorter than declared');
  const miniFatSectors = chain(layout, firstMiniFat, 'mini FAT');
  const miniFat = new Uint32Array(miniFatSectors.length * perSector);
  for (const [i, sector] of miniFatSectors.entries()) {
    const s = await readAt(fh, ssz, (sector + 1) * ssz);
    for (let k = 0; k < perSector; k++) miniFat[i * perSector + k] = s.readUInt32LE(4 * k);
  }
  const miniLayout: Layout = { ssz: MINI_SECTOR, count: Math.ceil(root.size / MINI_SECTOR), fat: miniFat };

  const streams = entries.filter((e) => e.type === 2);
  for (const e of streams) {
    if (e.size === 0) continue;
    const small = e.size < cutoff;
    const sectors = small ? chain(miniLayout, e.start, `stream ${e.name}`) : chain(layout, e.start, `stream ${e.name}`);
    if (sectors.length * (small ? MINI_SECTOR : ssz) < e.size) throw new CfbError(`stream ${e.name} is shorter than declared (file cut short?)`);
  }

  const names = entries.filter((e) => e.type !== 0 && e.name).map((e) => e.name);
  const book = streams.find((e) => e.name === 'Workbook') ?? streams.find((e) => e.name === 'Book');
  let biffEncrypted = false;
  if (book) {
    if (book.size < 8) throw new CfbError(`the ${book.name} stream is empty`);
    const head = await streamHead(fh, book, { layout, miniLayout, miniStream, cutoff }, 2048);
    biffEncrypted = hasFilePass(head);
  }
  return { names, workbook: book ? (book.name as 'Workbook' | 'Book') : null, biffEncrypted };
}

/** The first `n` bytes of a stream (from its sectors or from the mini stream). */
async function streamHead(
  fh: FileHandle, e: CfbStream, c: { layout: Layout; miniLayout: Layout; miniStream: number[]; cutoff: number }, n: number,
): Promise<Buffer> {
  const want = Math.min(n, e.size);
  const parts: Buffer[] = [];
  let got = 0;
  if (e.size >= c.cutoff) {
    for (const sector of chain(c.layout, e.start, e.name)) {
      parts.push(await readAt(fh, c.layout.ssz, (sector + 1) * c.layout.ssz));
      if ((got += c.layout.ssz) >= want) break;
    }
  } else {
    const perBig = c.layout.ssz / MINI_SECTOR;
    for (const mini of chain(c.miniLayout, e.start, e.name)) {
      const big = c.miniStream[Math.floor(mini / perBig)];
      if (big === undefined) throw new CfbError(`stream ${e.name}: mini sector ${mini} outside the mini stream`);
      parts.push(await readAt(fh, MINI_SECTOR, (big + 1) * c.layout.ssz + (mini % perBig) * MINI_SECTOR));
      if ((got += MINI_SECTOR) >= want) break;
    }
  }
  return Buffer.concat(parts).subarray(0, want);
}

/** BIFF records: BOF (0x0809) first; FILEPASS (0x002F) among the records before the first sheet entry. */
export function hasFilePass(head: Buffer): boolean {
  if (head.length < 4 || head.readUInt16LE(0) !== 0x0809) return false;
  let off = 0;
  for (let i = 0; i < 32 && off + 4 <= head.length; i++) {
    const type = head.readUInt16LE(off);
    if (type === 0x002f) return true;
    if (type === 0x0085) return false; // BOUNDSHEET: past the place FILEPASS would be
    off += 4 + head.readUInt16LE(off + 2);
  }
  return false;
}
