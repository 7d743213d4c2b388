/** 职称级别 is one of the platform's four values (guide 三（八）); variants get the exact value. */
import { rowRule } from '../src/engine/define.js';
import { canonicalLevel, isSenior, PLATFORM_LEVELS } from './utils/lookups.js';

export default rowRule({
  id: 'level-value',
  description: { zh: '职称级别为高级（正高）/高级（副高）/中级/初级（含员级）之一', en: 'The title level is one of the platform\'s four values' },
  guide: '三（八）',
  severity: 'error',
  fields: ['level'],
  messages: {
    variant: { zh: '职称级别应选“{expected}”，不能写作“{value}”', en: 'the title level must be "{expected}", not "{value}"' },
    form: {
      zh: '职称级别的写法（括号、空格或全角半角）与下拉选项不一致，应为“{expected}”',
      en: 'the title level differs from the dropdown value in brackets, spaces or character width; it is "{expected}"',
      severity: 'warning',
    },
    unknown: {
      zh: '职称级别“{value}”无法识别，只能是 {allowed} 之一',
      en: 'the title level "{value}" is not recognised; it must be one of {allowed}',
    },
  },
  check(record, ctx) {
    const value = record.v.level;
    if (!value || (PLATFORM_LEVELS as readonly string[]).includes(value)) return [];
    const expected = canonicalLevel(value);
    if (expected) {
      // Only the form differs (高级(副高), 高级（副高 ）): the right choice, spelt otherwise.
      const form = value.normalize('NFKC').replace(/\s+/g, '') === expected.normalize('NFKC');
      return [{ messageId: form ? 'form' : 'variant', field: 'level', data: { value, expected }, suggestion: expected, fix: expected }];
    }
    // The title often tells the level: 高级工程师 → 高级（副高）.
    const series = ctx.data.guide.canonicalSeries(record.v.series);
    // A bare 高级 only ever means one of the two senior levels.
    const senior = /^高级(职称)?$/.test(value.normalize('NFKC').replace(/\s+/g, ''));
    const levels = new Set(ctx.data.guide.titleEntries(record.v.title)
      .filter((t) => (!series || t.series === series) && (!senior || isSenior(t.platformLevel)))
      .map((t) => t.platformLevel));
    const [only] = levels;
    return [{
      messageId: 'unknown', field: 'level', data: { value, allowed: PLATFORM_LEVELS.join(' / ') },
      ...(levels.size === 1 && only ? { suggestion: only } : {}),
    }];
  },
});
