/**
 * The committee awards the row's 职称级别: a 副高级 committee no 正高, a 中级 committee no 高级 (guide 三（十四）1).
 * An official name is judged by its entry; any other text by the level its own words state, so an old or
 * unlisted name is still checked (a name that says 中级 awards no 高级 in any year).
 */
import { rowRule } from '../src/engine/define.js';
import { committeeLevels, levelsText, namedCommittee, namesOffice, rowCommittee } from './utils/committee.js';

export default rowRule({
  id: 'committee-level',
  description: { zh: '评审机构的评审级别与职称级别一致', en: 'The committee awards titles of the row\'s level' },
  guide: '三（十四）',
  severity: 'error',
  fields: ['committee', 'level'],
  messages: {
    'level-by-title': {
      zh: '评审机构“{committee}”评审的是{awards}职称，与职称名称一致，与职称级别“{level}”不符：请按批准文件核对职称级别',
      en: 'the committee "{committee}" awards {awardsEn} titles, as the title name says, but not the level "{level}": check the level against the approval document',
      severity: 'warning',
    },
    level: {
      zh: '评审机构“{committee}”评审的是{awards}职称，与职称级别“{level}”不符，请核对职称级别或评审机构',
      en: 'the committee "{committee}" awards {awardsEn} titles, which does not match the level "{level}"; check the level or the committee',
    },
  },
  check(record, ctx) {
    const rc = rowCommittee(record, ctx);
    if (!rc || namesOffice(rc.how.method) || !rc.level || rc.match.verdict === 'office') return [];
    const levels = committeeLevels(rc);
    if (!levels || levels.includes(rc.level)) return [];
    // The title agrees with the committee: the level cell is the odd one out, and title-series-level says so
    // as an error already; here it is a pointer to the level, not a second error.
    const series = rc.series;
    const titleLevels = record.v.title && series
      ? ctx.data.guide.titleEntries(record.v.title).filter((t) => t.series === series).map((t) => t.platformLevel)
      : [];
    const byTitle = titleLevels.length > 0 && titleLevels.some((l) => levels.includes(l));
    return [{
      messageId: byTitle ? 'level-by-title' : 'level', field: 'committee', related: ['level'],
      data: { committee: namedCommittee(rc)?.name ?? rc.text, awards: levelsText(levels, 'zh'), awardsEn: levelsText(levels, 'en'), level: rc.level },
    }];
  },
});
