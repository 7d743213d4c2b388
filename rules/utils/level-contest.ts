/** The level-contest helper: which cells of a row contradict its 职称级别 (行政区划 and 审核机关 are derived from it). */
import { contestText } from '../../src/i18n/words.js';
import { canonicalLevel } from '../../src/data/levels.js';
import type { RuleContext } from '../../src/engine/types.js';
import type { CertRecord } from '../../src/model/record.js';
import { committeeLevels, namesOffice, rowCommittee } from './committee.js';

/**
 * Whether the row's 职称级别 is contested by its other cells: the title (in the row's series, by the title
 * table) or the committee (by the levels it awards) names no title of that level. A rule that derives a value
 * from the level (行政区划, 审核机关) then cannot know which cell is wrong: it warns instead of erring, with no fix.
 * Returns the cells that contradict the level, or null when none does.
 */
export function levelContestedBy(record: CertRecord, ctx: RuleContext): ('title' | 'committee')[] | null {
  const level = canonicalLevel(record.v.level);
  if (!level) return null;
  const by: ('title' | 'committee')[] = [];
  const guide = ctx.data.guide;
  const series = record.v.series ? guide.canonicalSeries(record.v.series) : null;
  if (record.v.title && series) {
    const inSeries = guide.titleEntries(record.v.title).filter((t) => t.series === series);
    if (inSeries.length && !inSeries.some((t) => t.platformLevel === level)) by.push('title');
  }
  const rc = rowCommittee(record, ctx);
  if (rc && !namesOffice(rc.how.method)) {
    const levels = committeeLevels(rc);
    if (levels && !levels.includes(level)) by.push('committee');
  }
  return by.length ? by : null;
}

/** The data a message gives for the cells that contest the level: `by` in Chinese, `byEn` in English. */
export function contestData(by: readonly ('title' | 'committee')[]): { by: string; byEn: string } {
  return { by: contestText(by, 'zh'), byEn: contestText(by, 'en') };
}
