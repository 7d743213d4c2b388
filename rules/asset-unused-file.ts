/**
 * Files of the assets folder that no row uses: a warning each, naming the row the file probably belongs
 * to (a misnamed file is the usual cause). Spreadsheets, hidden and system files are left out.
 */
import { distance } from './utils/lookups.js';
import { foldName, type AssetRole, type ListedFile } from './utils/assets.js';
import { setRule, type FileReport } from '../src/engine/define.js';

interface SeenRow {
  file: string;
  row: number;
  id: string;
  name: string;
  lacks: Record<AssetRole, boolean>;
}

const PHOTO_EXT = /\.(jpe?g|png|gif|bmp|webp|heic|tiff?)$/i;

/** The row a file name most probably belongs to: its ID number (exact, then within 2 edits), then the name in it. */
export function probableRow(fileName: string, rows: readonly SeenRow[], exact: ReadonlyMap<string, SeenRow>): SeenRow | null {
  const base = fileName.normalize('NFC').replace(/\.[^.]*$/, '');
  const tokens = (base.match(/\d{14,18}[Xx]?/g) ?? []).map((t) => t.toUpperCase());
  const role: AssetRole | null = PHOTO_EXT.test(fileName) ? 'photo' : /\.pdf$/i.test(fileName) ? 'attachment' : null;
  let best: SeenRow | null = null;
  let bestScore = 0;
  for (const t of tokens) {
    const hit = exact.get(t);
    if (hit && (!role || hit.lacks[role])) return hit;
  }
  for (const r of rows) {
    let score = 0;
    if (r.id) {
      for (const t of tokens) {
        if (t === r.id) score = Math.max(score, 4);
        else if (Math.abs(t.length - r.id.length) <= 2 && distance(t, r.id) <= 2) score = Math.max(score, 2);
      }
    }
    if (r.name.length >= 2 && base.includes(r.name)) score += 1;
    if (score > 0 && role && r.lacks[role]) score += 0.5;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

export default setRule({
  id: 'asset-unused-file',
  description: { zh: '素材文件夹中没有未被使用的文件', en: 'Every file of the assets folder is used by a row' },
  severity: 'warning',
  fields: ['photo', 'attachment'],
  messages: {
    unused: {
      zh: '文件 {file} 没有被任何一行使用；如不需要可移出素材文件夹，否则请检查文件名或表中填写的文件名',
      en: 'no row uses the file {file}; move it out of the assets folder if it is not needed, else check its name or the name in the sheet',
    },
    'unused-probable': {
      zh: '文件 {file} 没有被任何一行使用，它可能属于 {inputFile} 第 {row} 行（{name}）；请检查文件名或该行填写的文件名',
      en: 'no row uses the file {file}; it probably belongs to {inputFile} row {row} ({name}): check its name or the name in that row',
    },
  },
  start(ctx) {
    const used = new Set<string>();
    const rows: SeenRow[] = [];
    const byId = new Map<string, SeenRow>();
    return {
      check(record) {
        const assets = ctx.assets?.forRecord(record);
        if (!assets || assets.photo.status === 'unprepared') return [];
        const lacks = { photo: true, attachment: true };
        for (const role of ['photo', 'attachment'] as const) {
          const l = assets[role];
          if (l.status === 'found') {
            lacks[role] = false;
            for (const c of l.candidates) used.add(foldName(c.rel));
          } else if (l.status === 'unsafe' && l.rel) used.add(foldName(l.rel));
        }
        const seen: SeenRow = { file: record.file, row: record.row, id: record.v.idNumber.replace(/\s+/g, '').toUpperCase(), name: record.v.name.replace(/\s+/g, ''), lacks };
        rows.push(seen);
        if (seen.id && !byId.has(seen.id)) byId.set(seen.id, seen);
        return [];
      },
      finish() {
        if (!ctx.assets || rows.length === 0) return [];
        const out: FileReport[] = [];
        for (const f of ctx.assets.files() as readonly ListedFile[]) {
          if (used.has(foldName(f.rel))) continue;
          const name = f.rel.slice(f.rel.lastIndexOf('/') + 1);
          const row = probableRow(name, rows, byId);
          out.push(row
            ? { messageId: 'unused-probable', field: null, file: f.display, row: null, data: { file: f.display, inputFile: row.file, row: row.row, name: row.name || '-' } }
            : { messageId: 'unused', field: null, file: f.display, row: null, data: { file: f.display } });
        }
        return out;
      },
    };
  },
});
