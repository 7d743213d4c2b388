/**
 * 评审机构 is the full name of the committee in the approval document (guide 三（十四）1), judged against the
 * committee list of the row's year (src/match/committee.ts): a certain fix only for a pure form difference,
 * an annex misprint, or — with a list of the row's own year and exactly one candidate left — a shorthand or
 * a typo; a name of another period or one that is not on the list is a warning that asks for the approval
 * document, never a fix.
 */
import { rowRule, type RuleReport } from '../src/engine/define.js';
import { listsText, namesOffice, rowCommittee, type RowCommittee } from './utils/committee.js';
import type { FieldKey } from '../src/model/fields.js';

const JOIN = '；';

/** The cells a chosen committee name was derived from: level, series, the year's cell, the approval number's place. */
function derivedFrom(rc: RowCommittee): FieldKey[] {
  const from: FieldKey[] = ['level', 'series'];
  if (rc.year.field) from.push(rc.year.field);
  if (rc.place && !from.includes('approvalNo')) from.push('approvalNo');
  return from;
}

export default rowRule({
  id: 'committee-name',
  description: { zh: '评审机构填写批准文件中评审委员会的完整名称', en: 'The review committee is written with its full name from the approval document' },
  guide: '三（十四）',
  severity: 'error',
  fields: ['committee'],
  messages: {
    form: {
      zh: '评审机构的写法（括号、空格、标点或全角半角）与正式名称不一致，应写作：{name}',
      en: 'the committee name differs from the official spelling in brackets, spaces, punctuation or character width; write {name}',
      severity: 'warning',
    },
    misprint: {
      zh: '评审机构照抄了指南附件2第{item}项的印刷错误，正式名称是：{name}',
      en: 'this copies a misprint of item {item} in annex 2 of the guide; the official name is {name}',
      severity: 'warning',
    },
    incomplete: {
      zh: '评审机构“{value}”不是完整名称，请按批准文件完整填写评审委员会全称：{name}',
      en: 'the committee "{value}" is not a full name; write the committee\'s full name from the approval document: {name}',
    },
    incompleteSeveral: {
      zh: '评审机构“{value}”不是完整名称，可能是：{candidates}。请按批准文件完整填写评审委员会全称',
      en: 'the committee "{value}" is not a full name; it may be: {candidates}. Write the committee\'s full name from the approval document',
    },
    incompleteNone: {
      zh: '评审机构“{value}”不是完整名称（应为批准文件中“……评审委员会”的全称），{lists}中没有与本行级别、系列相符的对应名称，请按批准文件完整填写',
      en: 'the committee "{value}" is not a full name (the approval document names a review committee in full); {listsEn} hold no matching name of the row\'s level and series: write the full name from the approval document',
    },
    notCommittee: {
      zh: '评审机构“{value}”不是评审委员会的名称。评审取得的职称请按批准文件填写评审委员会全称；初定、确认填写职称改革办公室；考试等其他方式请在“取得方式”中注明',
      en: 'the committee "{value}" is not the name of a review committee. For a reviewed title write the committee\'s full name from the approval document; 初定/确认 name the title-reform office; for an exam or other way, say so under how obtained',
      severity: 'warning',
    },
    notCommitteeNoMethod: {
      zh: '评审机构“{value}”不是评审委员会的名称。评审取得的职称请按批准文件填写评审委员会全称；初定、确认填写职称改革办公室；考试取得的（本表没有“取得方式”一列，无法判断），请与资格证书核对',
      en: 'the committee "{value}" is not the name of a review committee. For a reviewed title write the committee\'s full name from the approval document; 初定/确认 name the title-reform office; a title by exam (this sheet has no column saying how it was obtained) is checked against its certificate',
      severity: 'warning',
    },
    typo: {
      zh: '评审机构与{lists}中的“{name}”只差一两个字，应写作：{name}',
      en: 'the committee is one or two characters off "{name}" on {listsEn}; write {name}',
    },
    typoSeveral: {
      zh: '评审机构“{value}”与{lists}中的名称只差一两个字，可能是：{candidates}。请按批准文件填写',
      en: 'the committee "{value}" is one or two characters off names on {listsEn}: {candidates}. Write the name from the approval document',
    },
    period: {
      zh: '评审机构“{value}”与{lists}中的“{closest}”只是不同时期的写法（职务/职称、县/区、高级/副高级、有无“重庆市”）。请与批准文件核对：批准文件怎么写就怎么填；如批准文件写的是“{closest}”，请照写',
      en: 'the committee "{value}" differs from "{closest}" on {listsEn} only by the spelling of another period (post or title, county or district, senior or associate senior, with or without 重庆市). Check the approval document and copy its name; if it says "{closest}", write that',
      severity: 'warning',
    },
    unlisted: {
      zh: '评审机构“{value}”不在{lists}中，无法核对。请与批准文件核对，照批准文件填写评审委员会全称；如批准文件写的是以下之一，请照写：{closest}',
      en: 'the committee "{value}" is not on {listsEn} and cannot be verified. Check it against the approval document and copy its full name; if the document says one of these, write it: {closest}',
      severity: 'warning',
    },
    unlistedNone: {
      zh: '评审机构“{value}”不在{lists}中，无法核对，名单中也没有与本行级别、系列相符的名称可供对照。请与批准文件核对，照批准文件填写评审委员会全称',
      en: 'the committee "{value}" is not on {listsEn} and cannot be verified, and no listed name fits the row\'s level and series. Check it against the approval document and copy its full name',
      severity: 'warning',
    },
  },
  check(record, ctx) {
    const rc = rowCommittee(record, ctx);
    // 初定/确认 (stated, or inferred from an office) name an office: committee-office checks those.
    if (!rc || namesOffice(rc.how.method)) return [];
    const { match } = rc;
    if (match.verdict === 'office') return [];
    const value = rc.text;
    const stated = rc.how.stated;
    // 考试 and 认定 name no committee of the lists: nothing to verify a name against.
    const otherWay = stated === '考试' || stated === '认定';
    // Named only in the messages that say which lists were looked in (most rows match exactly: nothing to say).
    const lists = () => ({ lists: listsText(match.lists, 'zh'), listsEn: listsText(match.lists, 'en') });
    const names = (n = 3) => match.candidates.slice(0, n).map((e) => e.name).join(JOIN) || '—';
    const out: RuleReport[] = [];
    switch (match.verdict) {
      case 'exact':
        break;
      case 'form':
        out.push({ messageId: 'form', field: 'committee', data: { name: match.entry!.name }, suggestion: match.entry!.name, fix: match.entry!.name });
        break;
      case 'misprint':
        out.push({ messageId: 'misprint', field: 'committee', data: { item: match.entry!.item ?? '?', name: match.entry!.name }, suggestion: match.entry!.name, fix: match.entry!.name });
        break;
      case 'incomplete': {
        if (otherWay) break;
        // Not even shaped like a committee, and the sheet does not say it was a review: it may be an exam.
        if (match.shape === 'notCommittee' && stated !== '评审') {
          // Without a 取得方式 column there is nowhere to say "考试": ask for the certificate instead.
          out.push({ messageId: record.cells.method ? 'notCommittee' : 'notCommitteeNoMethod', field: 'committee', data: { value } });
          break;
        }
        if (match.entry) {
          const name = match.entry.name;
          out.push({ messageId: 'incomplete', field: 'committee', data: { value, name }, suggestion: name, ...(match.certain ? { fix: name, from: derivedFrom(rc) } : {}) });
        } else if (match.candidates.length) out.push({ messageId: 'incompleteSeveral', field: 'committee', data: { value, candidates: names() } });
        else out.push({ messageId: 'incompleteNone', field: 'committee', data: { value, ...lists() } });
        break;
      }
      case 'typo':
        if (otherWay) break;
        if (match.entry) {
          const name = match.entry.name;
          out.push({ messageId: 'typo', field: 'committee', data: { value, name, ...lists() }, suggestion: name, ...(match.certain ? { fix: name, from: derivedFrom(rc) } : {}) });
        } else out.push({ messageId: 'typoSeveral', field: 'committee', data: { value, candidates: names(), ...lists() } });
        break;
      case 'period':
        if (otherWay) break;
        out.push({ messageId: 'period', field: 'committee', data: { value, closest: names(1), ...lists() } });
        break;
      case 'unlisted':
        if (otherWay) break;
        // No listed name fits the row: the message offers none (an empty "if the document says …" helps nobody).
        if (!match.candidates.length) out.push({ messageId: 'unlistedNone', field: 'committee', data: { value, ...lists() } });
        else out.push({ messageId: 'unlisted', field: 'committee', data: { value, closest: names(), ...lists() } });
        break;
    }
    return out;
  },
});
