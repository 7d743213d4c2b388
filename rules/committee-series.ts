/**
 * The committee reviews the row's 职称系列: no 高级会计师 from an 工程技术 committee (guide 三（十四）1). An
 * official name is judged by its entry; any other text by the series its own words name.
 */
import { rowRule } from '../src/engine/define.js';
import { committeeSeriesOf, namedCommittee, namesOffice, rowCommittee } from './utils/committee.js';

export default rowRule({
  id: 'committee-series',
  description: { zh: '评审机构的评审系列与职称系列一致', en: 'The committee reviews the row\'s title series' },
  guide: '三（十四）',
  severity: 'error',
  fields: ['committee', 'series'],
  messages: {
    series: {
      zh: '评审机构“{committee}”评审的是{committeeSeries}系列职称，与职称系列“{series}”不符，请核对职称系列或评审机构',
      en: 'the committee "{committee}" reviews the {committeeSeries} series, not "{series}"; check the series or the committee',
    },
  },
  check(record, ctx) {
    const rc = rowCommittee(record, ctx);
    // An unknown series is series-known's to report; a committee of unsure series is not checked.
    if (!rc || namesOffice(rc.how.method) || !rc.series) return [];
    const series = committeeSeriesOf(rc, ctx.data.guide);
    if (!series || series.includes(rc.series)) return [];
    return [{
      messageId: 'series', field: 'committee', related: ['series'],
      data: { committee: namedCommittee(rc)?.name ?? rc.text, committeeSeries: series.join('/'), series: record.v.series },
    }];
  },
});
