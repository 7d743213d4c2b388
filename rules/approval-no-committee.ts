/**
 * The approval comes from the office whose committee reviewed the title (guide 三（四）2): a 片区 committee's
 * 中、初级 titles are approved by the 片区职改办, the district's own committee's by the district's 职改办 (the
 * district profile). A 片区 committee with the district's approval number, or the reverse, is a warning to
 * check the approval document.
 */
import { rowRule } from '../src/engine/define.js';
import { parseApprovalNo } from './utils/approval.js';
import { formKey, placesOf, namesOffice, rowMethod } from './utils/committee.js';

export default rowRule({
  id: 'approval-no-committee',
  description: { zh: '批准文号出自评审委员会所在的职改办（本区县或片区）', en: 'The approval number comes from the office of the reviewing committee (the district\'s or the area office)' },
  guide: '三（四）',
  severity: 'warning',
  fields: ['approvalNo', 'committee'],
  messages: {
    areaCommittee: {
      zh: '评审机构是片区评审委员会“{committee}”，片区评审通过的中、初级以片区职改办批准文件为准，但批准文号“{approvalNo}”是{district}的文号：请与批准文件核对批准文号和评审机构',
      en: 'the committee "{committee}" is an area committee, whose titles are approved by the area office, but the approval number "{approvalNo}" is {district}\'s: check both against the approval document',
    },
    districtCommittee: {
      zh: '评审机构是{district}评审委员会“{committee}”，{district}评审通过的中、初级以{district}职改办批准文件为准，但批准文号“{approvalNo}”是片区职改办的文号：请与批准文件核对批准文号和评审机构',
      en: 'the committee "{committee}" is a {district} committee, whose titles are approved by the {district} office, but the approval number "{approvalNo}" is an area office\'s: check both against the approval document',
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
    const district = ctx.data.district;
    const data = { committee, approvalNo, district: district.name };
    if (kind === 'district' && /片区/.test(key)) return [{ messageId: 'areaCommittee', field: 'approvalNo', related: ['committee'], data }];
    if (kind === 'area' && placesOf(key).includes(district.place) && !/片区/.test(key)) return [{ messageId: 'districtCommittee', field: 'approvalNo', related: ['committee'], data }];
    return [];
  },
});
