/** 评审机构 is the full name of the committee in the approval document (guide 三（十四）1). */
import { rowRule } from '../src/engine/define.js';
import type { RuleReport } from '../src/engine/types.js';
import { namesOffice, rowCommittee } from '../src/match/row.js';

const JOIN = '；';

export default rowRule({
  id: 'committee-name',
  description: { zh: '评审机构填写评审委员会的完整名称', en: 'The review committee is written with its full official name' },
  guide: '三（十四）',
  severity: 'error',
  fields: ['committee'],
  messages: {
    incomplete: {
      zh: '评审机构应填写批准文件中评审委员会的全称，请完整填写：{name}',
      en: 'write the full name of the committee as in the approval document: {name}',
    },
    misprint: {
      zh: '评审机构照抄了指南附件2第{item}项的印刷错误，正式名称是：{name}',
      en: 'this copies a misprint of item {item} in annex 2 of the guide; the official name is {name}',
    },
    form: {
      zh: '评审机构的写法（括号、空格、标点或全角半角）与正式名称不一致，应写作：{name}',
      en: 'the committee name differs from the official spelling in brackets, spaces, punctuation or character width; write {name}',
      severity: 'warning',
    },
    ambiguous: {
      zh: '评审机构“{value}”不完整，可能是：{candidates}。请按批准文件完整填写',
      en: 'the committee "{value}" is incomplete; it may be: {candidates}. Write the full name from the approval document',
      severity: 'warning',
    },
    unknown: {
      zh: '评审机构“{value}”不在指南所列评审委员会中（附件2为2021年名单），无法核对；最接近的是：{closest}。请与批准文件核对',
      en: 'the committee "{value}" is not among the committees the guide lists (annex 2 is the 2021 list) and cannot be verified; closest: {closest}. Check it against the approval document',
      severity: 'warning',
    },
  },
  check(record, ctx) {
    const rc = rowCommittee(record, ctx);
    // 初定/确认 name an office (committee-office); offices named for a 评审 are committee-office's too.
    if (!rc || namesOffice(rc.method)) return [];
    const { match } = rc;
    if (match.entry?.kind === 'office') return [];
    const value = rc.text;
    const out: RuleReport[] = [];
    switch (match.kind) {
      case 'exact':
        if (match.reason === 'form') out.push({ messageId: 'form', field: 'committee', data: { name: match.entry!.name }, suggestion: match.entry!.name, fix: match.entry!.name });
        break;
      case 'near': {
        const entry = match.entry!;
        if (match.reason === 'misprint') {
          out.push({ messageId: 'misprint', field: 'committee', data: { item: entry.item ?? '?', name: entry.name }, suggestion: entry.name, fix: entry.name });
        } else {
          out.push({ messageId: 'incomplete', field: 'committee', data: { name: entry.name }, suggestion: entry.name, fix: entry.name });
        }
        break;
      }
      case 'ambiguous':
        // 考试 and 认定 name no committee of the guide's lists: nothing to verify an unclear name against.
        if (rc.method === '评审' || rc.method === null) {
          out.push({ messageId: 'ambiguous', field: 'committee', data: { value, candidates: match.candidates.slice(0, 3).map((e) => e.name).join(JOIN) } });
        }
        break;
      case 'unknown':
        if (rc.method === '评审' || rc.method === null) {
          out.push({ messageId: 'unknown', field: 'committee', data: { value, closest: match.closest.slice(0, 3).map((c) => c.name).join(JOIN) } });
        }
        break;
    }
    return out;
  },
});
