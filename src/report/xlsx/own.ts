/**
 * A copy cert-check wrote, read again: the reader's notices about cert-check's own sheets (问题清单, 汇总) and
 * result columns (检查结果, 问题说明, 建议修改) are not about the clerk's records, and are left out.
 */
import type { Notice, SheetInfo } from '../../read/types.js';
import { readMarkerDetails } from './marker.js';
import { isAddedSheetName, RESULT_HEADERS } from './text.js';

/** The sheets an earlier check added to the file at `path` (a copy cert-check wrote), or null. */
export async function previousOutput(path: string): Promise<{ added: ReadonlySet<string> } | null> {
  const details = await readMarkerDetails(path, { hash: false }).catch(() => null);
  const m = details?.marker;
  if (!m || (m.kind !== 'annotated' && m.kind !== 'fixed')) return null;
  return { added: new Set((m.added ?? []).map((a) => a.name)) };
}

const RESULT_WORDS = new Set(RESULT_HEADERS.flat());

/**
 * The notice as the report shows it, or null: 'sheet-skipped' for an earlier check's added sheets (named in
 * its marker, or by their names in a copy with result columns made before the marker), and the result
 * columns taken out of 'ignored-columns'.
 */
export function ownOutputNotice(notice: Notice, previous: { added: ReadonlySet<string> } | null, resultColumns: boolean): Notice | null {
  const sheet = notice.sheet ?? (notice.data.sheet === undefined ? undefined : String(notice.data.sheet));
  if (notice.id === 'sheet-skipped' && sheet !== undefined) {
    if (previous?.added.has(sheet)) return null;
    if (resultColumns && isAddedSheetName(sheet)) return null;
  }
  if (notice.id === 'ignored-columns' && typeof notice.data.columns === 'string') {
    const all = notice.data.columns.split(', ');
    const kept = all.filter((c) => !RESULT_WORDS.has(c.slice(c.indexOf(' ') + 1)));
    if (kept.length === all.length) return notice;
    if (!kept.length) return null;
    return { ...notice, data: { ...notice.data, count: kept.length, columns: kept.join(', ') } };
  }
  return notice;
}

/** The sheet's header holds cert-check's three result columns (a copy it wrote). */
export function hasResultColumns(info: SheetInfo): boolean {
  const h = info.header?.map.headers.map((x) => String(x ?? '').trim()) ?? [];
  return h.some((x, i) => RESULT_HEADERS.some((r) => r[0] === x && r[1] === h[i + 1] && r[2] === h[i + 2]));
}
