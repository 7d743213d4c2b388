/** The committee awards the row's 职称级别: a 副高级 committee no 正高, a 中级 committee no 高级 (guide 三（十四）1). */
import { rowRule } from '../src/engine/define.js';
import { levelsText, namedCommittee, namesOffice, rowCommittee } from '../src/match/row.js';

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
    if (!rc || namesOffice(rc.method) || !rc.level) return [];
    const entry = namedCommittee(rc);
    if (!entry || entry.levels.includes(rc.level)) return [];
    return [{
      messageId: 'level', field: 'committee',
      data: { committee: entry.name, awards: levelsText(entry.levels, 'zh'), awardsEn: levelsText(entry.levels, 'en'), level: rc.level },
    }];
  },
});
