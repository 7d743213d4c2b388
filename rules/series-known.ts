/** 职称系列 names a known series (guide 三（七）); common spellings are accepted. */
import { rowRule } from '../src/engine/define.js';

export default rowRule({
  id: 'series-known',
  description: { zh: '职称系列是已知的系列名称', en: 'The title series is a known series' },
  guide: '三（七）',
  severity: 'error',
  fields: ['series'],
  messages: {
    unknown: { zh: '职称系列“{value}”不是已知的职称系列，最接近的是：{closest}', en: 'the title series "{value}" is not a known series; the closest are: {closest}' },
    unknownNoClosest: { zh: '职称系列“{value}”不是已知的职称系列，请按评审通过的职称系列选择', en: 'the title series "{value}" is not a known series; choose the series the title was awarded in' },
  },
  check(record, ctx) {
    const value = record.v.series;
    const guide = ctx.data.guide;
    if (!value || guide.canonicalSeries(value)) return [];
    // The title may tell which series a part of its name means (教师 with 一级教师 → 中小学教师; not with 讲师).
    const ofTitle = record.v.title ? [...new Set(guide.titleEntries(record.v.title).map((t) => t.series))] : [];
    const hinted = ofTitle.length === 1 && ofTitle[0]!.includes(value.replace(/\s+/g, '')) ? ofTitle[0]! : null;
    const closest = hinted ? [hinted, ...guide.closestSeries(value, 3).filter((c) => c !== hinted)].slice(0, 3) : guide.closestSeries(value, 3);
    const suggestion = guide.suggestSeries(value) ?? hinted;
    if (!closest.length) return [{ messageId: 'unknownNoClosest', field: 'series', data: { value } }];
    return [{ messageId: 'unknown', field: 'series', data: { value, closest: closest.join(' / ') }, ...(suggestion ? { suggestion } : {}) }];
  },
});
