/**
 * Edits inside a sound compound file (an .xls), for the hostile corpus: where each stream's bytes lie in the
 * file, and where its FAT entries are, so that a test can plant a loop, a ring or a lie in a real file.
 * Trusting on purpose: it reads files LibreOffice wrote (test/fixtures/formats), not hostile ones.
 */

export interface CfbMap {
  ssz: number;
  /** File offset of the FAT entry of each sector. */
  fatEntry(sector: number): number;
  /** The FAT: next sector of each sector. */
  next(sector: number): number;
  /** Directory entries: name, file offset of the entry, its start sector and size. */
  entries: { name: string; offset: number; start: number; size: number; type: number }[];
  /** File offsets of the sectors of the directory chain. */
  dirSectors: number[];
  /** The sectors of a chain from `start`. */
  chain(start: number): number[];
  /** File offset of byte `pos` of a stream stored in the FAT (size ≥ 4096). */
  streamOffset(name: string, pos: number): number;
}

export function mapCfb(buf: Buffer): CfbMap {
  const ssz = 1 << buf.readUInt16LE(0x1e);
  const numFat = buf.readUInt32LE(0x2c);
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(109, numFat); i++) fatSectors.push(buf.readUInt32LE(0x4c + 4 * i));
  const per = ssz / 4;
  const fatEntry = (sector: number) => (fatSectors[Math.floor(sector / per)]! + 1) * ssz + (sector % per) * 4;
  const next = (sector: number) => buf.readUInt32LE(fatEntry(sector));
  const chain = (start: number) => {
    const out: number[] = [];
    for (let s = start; s < 0xfffffffa && out.length < 1_000_000; s = next(s)) out.push(s);
    return out;
  };
  const dirChain = chain(buf.readUInt32LE(0x30));
  const entries: CfbMap['entries'] = [];
  for (const sector of dirChain) {
    for (let off = (sector + 1) * ssz; off < (sector + 2) * ssz; off += 128) {
      const len = buf.readUInt16LE(off + 64);
      entries.push({
        name: len >= 2 ? buf.toString('utf16le', off, off + len - 2) : '', offset: off, type: buf[off + 66]!,
        start: buf.readUInt32LE(off + 116), size: buf.readUInt32LE(off + 120),
      });
    }
  }
  return {
    ssz, fatEntry, next, entries, chain,
    dirSectors: dirChain.map((s) => (s + 1) * ssz),
    streamOffset(name, pos) {
      const e = entries.find((x) => x.name === name)!;
      const sectors = chain(e.start);
      return (sectors[Math.floor(pos / ssz)]! + 1) * ssz + (pos % ssz);
    },
  };
}

/** BIFF records of a stream's bytes: type, length and the stream position of each. */
export function biffRecords(stream: Buffer): { type: number; length: number; pos: number }[] {
  const out: { type: number; length: number; pos: number }[] = [];
  for (let pos = 0; pos + 4 <= stream.length; ) {
    const type = stream.readUInt16LE(pos);
    const length = stream.readUInt16LE(pos + 2);
    out.push({ type, length, pos });
    pos += 4 + length;
  }
  return out;
}

/** The bytes of a FAT-stored stream. */
export function readStream(buf: Buffer, map: CfbMap, name: string): Buffer {
  const e = map.entries.find((x) => x.name === name)!;
  const parts = map.chain(e.start).map((s) => buf.subarray((s + 1) * map.ssz, (s + 2) * map.ssz));
  return Buffer.concat(parts).subarray(0, e.size);
}
