/** 批准文号 reads `<发文机关>【YYYY】<序号>号` (guide 三（四）1), e.g. 渝职改办【2019】125号. */
import { memoText } from '../src/util/memo.js';
import { rowRule } from '../src/engine/define.js';
import { fixApprovalBrackets } from './approval-no-brackets.js';

export interface ApprovalNo {
  issuer: string;
  year: number;
  number: string;
}

export type ApprovalProblem = 'noIssuer' | 'noYear' | 'noNumber' | 'noHao' | 'shape';

const FULL = /^(?<issuer>.*?)【(?<year>\d{4})】第?(?<num>\d+)(?<hao>号?)$/;
const BARE_YEAR = /^(?<issuer>\D*?)(?<year>(?:19|20)\d{2})年?第?(?<num>\d+)号?$/;

/** Parses an approval number whatever its year brackets (approval-no-brackets reports those). */
export type ParsedApprovalNo = { value: ApprovalNo } | { problem: ApprovalProblem; suggestion?: string };

/** The parts of an approval number (each distinct text parsed once: rules of several files ask). */
export const parseApprovalNo = memoText(parseApprovalNoText);

function parseApprovalNoText(text: string): ParsedApprovalNo {
  const plain = text.normalize('NFKC').replace(/[\s\u3000]+/g, '');
  const s = fixApprovalBrackets(plain) ?? plain;
  const m = FULL.exec(s);
  if (m) {
    const { issuer = '', year, num = '', hao } = m.groups!;
    if (!issuer) return { problem: 'noIssuer' };
    if (!hao) return { problem: 'noHao', suggestion: `${issuer}【${year}】${num}号` };
    return { value: { issuer, year: Number(year), number: num } };
  }
  if (/【\d{4}】/.test(s)) {
    // The year is there: what follows it is not a number ending in 号.
    return /【\d{4}】第?\D*号?$/.test(s) ? { problem: 'noNumber' } : { problem: 'shape' };
  }
  const bare = BARE_YEAR.exec(s);
  if (bare?.groups?.issuer) {
    const { issuer, year, num } = bare.groups;
    return { problem: 'noYear', suggestion: `${issuer}【${year}】${num}号` };
  }
  return { problem: 'noYear' };
}

export default rowRule({
  id: 'approval-no-format',
  description: { zh: '批准文号写成“发文机关【年份】序号号”', en: 'The approval number reads issuer【year】number号, e.g. 渝职改办【2019】12号' },
  guide: '三（四）',
  severity: 'error',
  fields: ['approvalNo'],
  messages: {
    noIssuer: { zh: '批准文号缺少发文机关，应写成如“渝职改办【2019】12号”', en: 'the approval number lacks its issuer; write it like 渝职改办【2019】12号' },
    noYear: { zh: '批准文号缺少写在【】中的年份，应写成如“渝职改办【2019】12号”', en: 'the approval number lacks its year in 【】; write it like 渝职改办【2019】12号' },
    noNumber: { zh: '批准文号缺少文号序号（【年份】后的数字），请按批准文件填写', en: 'the approval number lacks its number after 【year】; copy it from the approval document' },
    noHao: { zh: '批准文号应以“号”结尾', en: 'the approval number must end with 号' },
    shape: { zh: '批准文号“{value}”不是“发文机关【年份】序号号”的形式，如“渝职改办【2019】12号”', en: 'the approval number "{value}" is not of the form <issuer>【year】<number>号, e.g. 渝职改办【2019】12号' },
  },
  check(record) {
    const value = record.v.approvalNo;
    if (!value) return [];
    const parsed = parseApprovalNo(value);
    if ('value' in parsed) return [];
    return [{ messageId: parsed.problem, field: 'approvalNo', data: { value }, ...(parsed.suggestion ? { suggestion: parsed.suggestion } : {}) }];
  },
});
