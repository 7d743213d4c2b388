/**
 * 初定、确认 name an office as 评审机构: 中级/初级 → 重庆市铜梁区职称改革办公室, 高级 确认 → 重庆市职称改革办公室;
 * a 评审 names its committee, never an office (guide 三（十四）2).
 */
import { rowRule } from '../src/engine/define.js';
import type { RuleReport } from '../src/engine/types.js';
import { isSenior } from '../src/data/levels.js';
import { formKey, expandKey } from '../src/match/committee.js';
import { rowCommittee } from '../src/match/row.js';

export const DISTRICT_OFFICE = '重庆市铜梁区职称改革办公室';
export const CITY_OFFICE = '重庆市职称改革办公室';

const METHOD_EN = { 初定: 'initial appointment (初定)', 确认: 'recognition (确认)' } as const;

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
      zh: '评审机构的写法（括号、空格、标点或全角半角）与正式名称不一致，应写作：{office}',
      en: 'the office name differs from the official spelling in brackets, spaces, punctuation or character width; write {office}',
      severity: 'warning',
    },
    'other-office': {
      zh: '{method}取得的{levels}职称，评审机构应填写“{office}”，请核对“{value}”是否为批准文件的印发单位',
      en: 'a {levelsEn} title obtained by {methodEn} names {office} as its committee; check whether "{value}" issued the approval document',
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
    const { match, method, level } = rc;
    if (method === '评审') {
      if ((match.kind === 'exact' || match.kind === 'near') && match.entry?.kind === 'office') return [{ messageId: 'review', field: 'committee' }];
      return [];
    }
    if ((method !== '初定' && method !== '确认') || !level) return [];
    // 初定 of a 高级 title is not in the guide: nothing to say which office signs it.
    if (isSenior(level) && method === '初定') return [];
    const office = isSenior(level) ? CITY_OFFICE : DISTRICT_OFFICE;
    const data = {
      method, methodEn: METHOD_EN[method], office, value: rc.text,
      levels: isSenior(level) ? '高级' : '中级、初级', levelsEn: isSenior(level) ? 'senior' : 'intermediate or junior',
    };
    const out: RuleReport[] = [];
    if (match.entry?.name === office && match.kind === 'exact') {
      if (match.reason === 'form') out.push({ messageId: 'office-form', field: 'committee', data, suggestion: office, fix: office });
    } else if (match.kind === 'unknown' && /职称改革办公室/.test(expandKey(formKey(rc.text)))) {
      out.push({ messageId: 'other-office', field: 'committee', data, suggestion: office, fix: office });
    } else {
      out.push({ messageId: 'office', field: 'committee', data, suggestion: office, fix: office });
    }
    return out;
  },
});
