/** 审核机关（单位）: 高级 is filled by the platform; 中级/初级 → the district's bureau (its profile; guide 三（十三）). */
import { rowRule } from '../src/engine/define.js';
import { canonicalLevel, CITY, isSenior, textKey } from './utils/lookups.js';
import { contestData, levelContestedBy } from './utils/level-contest.js';

export default rowRule({
  id: 'authority-by-level',
  description: {
    zh: '审核机关（单位）：高级为重庆市人力资源和社会保障局（重庆市职称改革办公室），中、初级为所在区县的人力资源和社会保障局',
    en: 'Approving authority: the city bureau for senior titles, the district\'s bureau for intermediate and junior ones',
  },
  guide: '三（十三）',
  severity: 'error',
  fields: ['authority'],
  messages: {
    wrong: { zh: '{level}职称的审核机关（单位）应为“{expected}”，不是“{value}”', en: 'the approving authority of a {level} title is "{expected}", not "{value}"' },
    empty: { zh: '审核机关（单位）未填写，{level}职称应选“{expected}”', en: 'the approving authority is empty; a {level} title takes "{expected}"' },
    contested: {
      zh: '职称级别“{level}”与{by}不一致，请先按批准文件核对职称级别：级别若是{level}，审核机关（单位）应为“{expected}”，不是“{value}”',
      en: 'the level "{level}" disagrees with {byEn}: check the level against the approval document first; if it is {level}, the approving authority is "{expected}", not "{value}"',
      severity: 'warning',
    },
  },
  check(record, ctx) {
    if (!record.cells.authority) return [];
    const level = canonicalLevel(record.v.level);
    if (!level) return [];
    const value = record.v.authority;
    // Which cell is wrong, the level or this one, the sheet cannot tell while the title or committee contests the level.
    const contested = (expected: string) => {
      const by = value ? levelContestedBy(record, ctx) : null;
      return by ? [{ messageId: 'contested', field: 'authority' as const, related: ['level' as const], data: { level, expected, value, ...contestData(by) } }] : null;
    };
    if (isSenior(level)) {
      // The platform fills it for 高级: empty or the same name in other brackets is fine.
      if (!value || textKey(value) === textKey(CITY.authority)) return [];
      const doubt = contested(CITY.authority);
      if (doubt) return doubt;
      return [{ messageId: 'wrong', field: 'authority', data: { level, expected: CITY.authority, value }, suggestion: CITY.authority, fix: CITY.authority, from: ['level'] }];
    }
    const district = ctx.data.district.authority;
    if (value === district) return [];
    const doubt = contested(district);
    if (doubt) return doubt;
    return [{ messageId: value ? 'wrong' : 'empty', field: 'authority', data: { level, expected: district, value }, suggestion: district, fix: district, from: ['level'] }];
  },
});
