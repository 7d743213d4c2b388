/** 批准文号 reads `<发文机关>【YYYY】<序号>号` (guide 三（四）1), e.g. 渝职改办【2019】125号. */
import { rowRule } from '../src/engine/define.js';
import { parseApprovalNo } from './utils/approval.js';


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
