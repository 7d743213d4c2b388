/** 行政区划: 高级 → 重庆市, 中级/初级 → the district (its profile; guide 三（五）). */
import { rowRule } from '../src/engine/define.js';
import { canonicalLevel, CITY, isSenior } from './utils/lookups.js';
import { contestData, levelContestedBy } from './utils/level-contest.js';

export default rowRule({
  id: 'region-by-level',
  description: { zh: '行政区划：高级选重庆市，中、初级选所在区县', en: 'Region: 重庆市 for senior titles, the district for intermediate and junior ones' },
  guide: '三（五）',
  severity: 'error',
  fields: ['region'],
  messages: {
    wrong: { zh: '{level}职称的行政区划应选“{expected}”，不是“{value}”', en: 'the region of a {level} title must be "{expected}", not "{value}"' },
    empty: { zh: '行政区划未填写，{level}职称应选“{expected}”', en: 'the region is empty; a {level} title takes "{expected}"' },
    contested: {
      zh: '职称级别“{level}”与{by}不一致，请先按批准文件核对职称级别：级别若是{level}，行政区划应选“{expected}”，不是“{value}”',
      en: 'the level "{level}" disagrees with {byEn}: check the level against the approval document first; if it is {level}, the region is "{expected}", not "{value}"',
      severity: 'warning',
    },
  },
  check(record, ctx) {
    // A dropdown field: today's platform value, whatever the certificate's year (a county that became a
    // district keeps only its new name in the dropdown). A sheet without the column leaves the choice to the form.
    if (!record.cells.region) return [];
    const level = canonicalLevel(record.v.level);
    if (!level) return [];
    const expected = isSenior(level) ? CITY.region : ctx.data.district.region;
    const value = record.v.region;
    if (value === expected) return [];
    // Which cell is wrong, the level or this one, the sheet cannot tell while the title or committee contests the level.
    const by = value ? levelContestedBy(record, ctx) : null;
    if (by) return [{ messageId: 'contested', field: 'region', related: ['level'], data: { level, expected, value, ...contestData(by) } }];
    return [{ messageId: value ? 'wrong' : 'empty', field: 'region', data: { level, expected, value }, suggestion: expected, fix: expected, from: ['level'] }];
  },
});
