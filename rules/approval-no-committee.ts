/**
 * The approval comes from the office whose committee reviewed the title (guide 三（四）2): a 片区 committee's
 * 中、初级 titles are approved by the 片区职改办, a 铜梁区 committee's by the 铜梁区职改办. A 片区 committee with
 * a 铜梁区 approval number, or the reverse, is a warning to check the approval document.
 */
import { rowRule } from '../src/engine/define.js';
import { parseApprovalNo } from './utils/approval.js';
import { formKey, placesOf, namesOffice, rowMethod } from './utils/committee.js';

export default rowRule({
  id: 'approval-no-committee',
  description: { zh: '批准文号出自评审委员会所在的职改办（铜梁区或片区）', en: 'The approval number comes from the office of the reviewing committee (铜梁区 or the area office)' },
  guide: '三（四）',
  severity: 'warning',
  fields: ['approvalNo', 'committee'],
  messages: {
    areaCommittee: {
      zh: '评审机构是片区评审委员会“{committee}”，片区评审通过的中、初级以片区职改办批准文件为准，但批准文号“{approvalNo}”是铜梁区的文号：请与批准文件核对批准文号和评审机构',
      en: 'the committee "{committee}" is an area committee, whose titles are approved by the area office, but the approval number "{approvalNo}" is 铜梁区\'s: check both against the approval document',
    },
    districtCommittee: {
      zh: '评审机构是铜梁区评审委员会“{committee}”，铜梁区评审通过的中、初级以铜梁区职改办批准文件为准，但批准文号“{approvalNo}”是片区职改办的文号：请与批准文件核对批准文号和评审机构',
      en: 'the committee "{committee}" is a 铜梁区 committee, whose titles are approved by the 铜梁区 office, but the approval number "{approvalNo}" is an area office\'s: check both against the approval document',
    },
  },
  check(record, ctx) {
    const { approvalNo, committee } = record.v;
    if (!approvalNo || !committee || namesOffice(rowMethod(record).method)) return [];
    const parsed = parseApprovalNo(approvalNo);
    if (!('value' in parsed)) return [];
    const kind = ctx.data.guide.issuerKind(parsed.value.issuer);
    const key = formKey(committee);
    if (!/评审委员会|评委/.test(key)) return [];
    const data = { committee, approvalNo };
    if (kind === 'district' && /片区/.test(key)) return [{ messageId: 'areaCommittee', field: 'approvalNo', related: ['committee'], data }];
    if (kind === 'area' && placesOf(key).includes('铜梁') && !/片区/.test(key)) return [{ messageId: 'districtCommittee', field: 'approvalNo', related: ['committee'], data }];
    return [];
  },
});
