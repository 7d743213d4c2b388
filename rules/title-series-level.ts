/** 职称名称 belongs to the row's 职称系列 and 职称级别 by the national title table (guide 三（九）). */
import { rowRule } from '../src/engine/define.js';
import { canonicalLevel, type TitleEntry } from './utils/lookups.js';

function belongs(entries: readonly TitleEntry[]): string {
  return [...new Set(entries.map((t) => `${t.series} ${t.platformLevel}`))].join(' / ');
}

export default rowRule({
  id: 'title-series-level',
  description: { zh: '职称名称与职称系列、职称级别对应', en: 'The title name belongs to the row\'s series and level' },
  guide: '三（九）',
  severity: 'error',
  fields: ['title', 'series', 'level'],
  messages: {
    series: {
      zh: '职称名称“{title}”属于 {belongs}，不属于职称系列“{series}”',
      en: 'the title "{title}" belongs to {belongs}, not to the series "{series}"',
    },
    level: {
      zh: '职称名称“{title}”属于 {belongs}，与职称级别“{level}”不对应',
      en: 'the title "{title}" belongs to {belongs}, which does not match the level "{level}"',
    },
    'level-unsure': {
      zh: '职称名称“{title}”现属于 {belongs}；旧证书上可能是{level}（未经核实的旧标准），请按纸质证书和批准文件核对职称级别',
      en: 'the title "{title}" now belongs to {belongs}; on an old certificate it may have been {level} (an unconfirmed older scale): check the level against the paper certificate and the approval document',
      severity: 'warning',
    },
    unknown: {
      zh: '职称名称“{title}”不在职称名称表中，请按证书核对；{series} {level} 的职称名称是：{expected}',
      en: 'the title "{title}" is not in the title table; check it against the certificate. Titles of {series} {level}: {expected}',
      severity: 'warning',
    },
  },
  check(record, ctx) {
    const title = record.v.title;
    const guide = ctx.data.guide;
    const series = guide.canonicalSeries(record.v.series);
    const level = canonicalLevel(record.v.level);
    // Unknown series or level: their own rules report; without both there is nothing to compare.
    if (!title || !series || !level) return [];
    const entries = guide.titleEntries(title);
    const inSeries = entries.filter((t) => t.series === series);
    const atLevel = inSeries.filter((t) => t.platformLevel === level);
    // An older scale recalled but not confirmed (status L,R): the sheet cannot tell; the certificate can.
    if (atLevel.length && atLevel.every((t) => t.status.includes('L') && t.status.includes('R'))) {
      const now = inSeries.filter((t) => t.platformLevel !== level);
      if (now.length) return [{ messageId: 'level-unsure', field: 'title', related: ['level'], data: { title, belongs: belongs(now), level } }];
    }
    if (atLevel.length) return [];
    if (inSeries.length) return [{ messageId: 'level', field: 'title', related: ['level'], data: { title, belongs: belongs(inSeries), level } }];
    if (entries.length) return [{ messageId: 'series', field: 'title', related: ['series'], data: { title, belongs: belongs(entries), series } }];
    const expected = guide.titles.filter((t) => t.series === series && t.platformLevel === level);
    const current = expected.filter((t) => !t.status.includes('L'));
    return [{
      messageId: 'unknown', field: 'title',
      data: { title, series, level, expected: expected.map((t) => t.title).join(' / ') || '—' },
      ...(current.length === 1 ? { suggestion: current[0]!.title } : {}),
    }];
  },
});
