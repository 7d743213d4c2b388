/**
 * The committee awards the row's 职称级别: a 副高级 committee no 正高, a 中级 committee no 高级 (guide 三（十四）1).
 * An official name is judged by its entry; any other text by the level its own words state, so an old or
 * unlisted name is still checked (a name that says 中级 awards no 高级 in any year).
 */
import { rowRule } from '../src/engine/define.js';
import { committeeLevels, levelsText, namedCommittee, namesOffice, rowCommittee } from '../src/match/row.js';

export default rowRule({
  id: 'committee-level',
  description: { zh: '评审机构的评审级别与职称级别一致', en: 'The committee awards titles of the row\'s level' },
  guide: '三（十四）',
  severity: 'error',
  fields: ['committee', 'level'],
  messages: {
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
    return [{
      messageId: 'level', field: 'committee', related: ['level'],
      data: { committee: namedCommittee(rc)?.name ?? rc.text, awards: levelsText(levels, 'zh'), awardsEn: levelsText(levels, 'en'), level: rc.level },
    }];
  },
});
