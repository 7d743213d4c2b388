/**
 * 初定、确认 name an office as 评审机构: 中级/初级 → the district's 职称改革办公室 (its profile), 高级 确认 →
 * 重庆市职称改革办公室; a 评审 names its committee, never an office (guide 三（十四）2). The method may be stated or,
 * when the sheet has none, inferred (rules/utils/committee.ts): an inferred method alone never grounds an error. The office is fixed
 * only when the level is uncontested and the cell does not name a review committee consistent with the row
 * (then either the method or the committee is wrong, and a person must say which).
 */
import { rowRule, type RuleReport, type RuleContext } from '../src/engine/define.js';
import { CITY, isSenior } from './utils/lookups.js';
import { expandKey, formKey, OTHER_PROVINCES, committeeLevels, committeeSeriesOf, namesCommitteeText, rowCommittee, type RowCommittee } from './utils/committee.js';

const METHOD_EN = { 初定: 'initial appointment (初定)', 确认: 'recognition (确认)' } as const;

/** When the district had another name (a county before): said in the warning on an office's older name. */
function renamed(r: { from: string; year: number } | null, name: string): { renamed: string; renamedEn: string } {
  return r ? { renamed: `（${r.from}于${r.year}年改为${name}）`, renamedEn: ` (${r.from} became ${name} in ${r.year})` } : { renamed: '', renamedEn: '' };
}

/** The cell names a Chongqing review committee whose level and series fit the row (so 评审 is as likely as 初定/确认). */
function reviewCommitteeFits(rc: RowCommittee, ctx: RuleContext): boolean {
  if (!namesCommitteeText(rc.text)) return false;
  const key = expandKey(formKey(rc.text)).replace(/^中华人民共和国/, '');
  if (OTHER_PROVINCES.some((p) => key.startsWith(p))) return false;
  const levels = committeeLevels(rc);
  if (levels && rc.level && !levels.includes(rc.level)) return false;
  const series = committeeSeriesOf(rc, ctx.data.guide);
  if (series && rc.series && !series.includes(rc.series)) return false;
  return true;
}

export default rowRule({
  id: 'committee-office',
  description: {
    zh: '初定、确认取得的职称，评审机构填写职称改革办公室；评审取得的职称填写评审委员会',
    en: 'Titles obtained by 初定/确认 name the title-reform office as committee; reviewed titles name their committee',
  },
  guide: '三（十四）',
  severity: 'error',
  fields: ['committee', 'method', 'level'],
  messages: {
    office: {
      zh: '{method}取得的{levels}职称，评审机构应填写：{office}',
      en: 'a {levelsEn} title obtained by {methodEn} names {office} as its committee',
    },
    'office-form': {
      zh: '评审机构的写法与正式名称不一致（简称、括号、空格或全角半角），应写作：{office}',
      en: 'the office name differs from the official spelling (abbreviation, brackets, spaces or character width); write {office}',
      severity: 'warning',
    },
    'office-period': {
      zh: '“{value}”是该职改办过去的名称{renamed}。指南要求{method}取得的{levels}职称填写“{office}”，请与批准文件核对后填写',
      en: '"{value}" is an older name of the office{renamedEn}. The guide asks {levelsEn} titles obtained by {methodEn} to name "{office}": check the approval document',
      severity: 'warning',
    },
    'other-office': {
      zh: '{method}取得的{levels}职称，评审机构应填写“{office}”，请核对“{value}”是否为批准文件的印发单位',
      en: 'a {levelsEn} title obtained by {methodEn} names {office} as its committee; check whether "{value}" issued the approval document',
      severity: 'warning',
    },
    'method-or-committee': {
      zh: '取得方式为{method}，评审机构却是“{value}”：如是评审或考试取得，请改正取得方式；如确为{method}，评审机构应填写：{office}',
      en: 'obtained by {methodEn}, yet the committee is "{value}": if the title was reviewed or examined, correct how obtained; if it really is {methodEn}, the committee is {office}',
    },
    'office-inferred': {
      zh: '取得时间与发证时间相同，像是初定取得的职称：初定的评审机构应填写“{office}”。请按批准文件核对取得方式和评审机构',
      en: 'the date obtained equals the issue date, as for an initial appointment (初定), whose committee is "{office}": check how the title was obtained and the committee against the approval document',
      severity: 'warning',
    },
    review: {
      zh: '评审取得的职称，评审机构应填写批准文件中评审委员会的全称，不能填写职称改革办公室',
      en: 'a title obtained by review names the committee of the approval document in full, not a title-reform office',
    },
  },
  check(record, ctx) {
    const rc = rowCommittee(record, ctx);
    if (!rc) return [];
    const { match, how, level } = rc;
    const isOffice = match.verdict === 'office';
    if (how.method === '评审') {
      // Only a stated 评审 contradicts an office (an inferred one came from the committee cell itself).
      if (!how.inferred && isOffice) return [{ messageId: 'review', field: 'committee', related: ['method'] }];
      return [];
    }
    if ((how.method !== '初定' && how.method !== '确认') || !level) return [];
    // 初定 of a 高级 title does not exist (initial-not-senior reports it).
    if (isSenior(level) && how.method === '初定') return [];
    const method = how.method;
    const district = ctx.data.district;
    const office = isSenior(level) ? CITY.office : district.office.name;
    const data = {
      // An inferred method is named as both: the office is the same for 初定 and 确认.
      method: how.inferred ? '初定、确认' : method, methodEn: how.inferred ? 'initial appointment or recognition (初定/确认)' : METHOD_EN[method], office, value: rc.text,
      levels: isSenior(level) ? '高级' : '中级、初级', levelsEn: isSenior(level) ? 'senior' : 'intermediate or junior',
    };
    const out: RuleReport[] = [];
    if (isOffice) {
      if (match.entry?.name === office) {
        if (match.office === 'form' || match.office === 'abbreviation') out.push({ messageId: 'office-form', field: 'committee', data, suggestion: office, fix: office });
        else if (match.office === 'period') out.push({ messageId: 'office-period', field: 'committee', data: { ...data, ...renamed(district.renamed, district.name) }, suggestion: office });
      } else if (match.entry) {
        // The other listed office: right for the other kind of level, wrong for this one.
        out.push({ messageId: 'office', field: 'committee', related: ['level'], data, suggestion: office, fix: office, from: ['level'] });
      } else {
        out.push({ messageId: 'other-office', field: 'committee', data, suggestion: office });
      }
      return out;
    }
    if (how.inferred) {
      // Only 取得时间 = 发证时间 says 初定: not enough for an error or a fix.
      out.push({ messageId: 'office-inferred', field: 'committee', data, suggestion: office });
      return out;
    }
    // A review committee that fits the row, or an exam body: the method may be what is wrong.
    if (reviewCommitteeFits(rc, ctx) || /考试/.test(rc.text)) {
      out.push({ messageId: 'method-or-committee', field: 'committee', related: ['method'], data, suggestion: office });
      return out;
    }
    out.push({ messageId: 'office', field: 'committee', data, suggestion: office, fix: office, from: ['level', 'method'] });
    return out;
  },
});
