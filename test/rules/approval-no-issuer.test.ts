import rule from '../../rules/approval-no-issuer.js';
import { referenceData } from '../../src/data/reference.js';
import { createContext } from '../../src/run/context.js';
import { testRule } from './rule-tester.js';

const senior = { level: '高级（副高）', title: '高级工程师' };
const withDistrict = (...district: string[]) => () =>
  createContext({ today: { y: 2026, m: 11, d: 27 }, data: referenceData(undefined, { guide: { issuers: { district } } }) });

// 三（四）2: 铜梁区评审通过的中、初级以铜梁区职改办批准文件为准，片区……以片区职改办批准文件为准，高级职称以重庆市职改办批准文件为准。
testRule(rule, {
  valid: [
    { name: 'guide example: 高级 渝职改办【2019】XX号', row: { ...senior, approvalNo: '渝职改办【2019】12号' } },
    { name: '中级 by the district office', row: { level: '中级', approvalNo: '铜职改办【2019】12号' } },
    { name: '中级 by the 片区 office', row: { level: '中级', approvalNo: '永川片区职改办【2019】3号' } },
    { name: '高级 confirmed from another province: unknown issuer', row: { ...senior, approvalNo: '豫职改办【2017】37号' } },
    { name: 'unparsed number', row: { ...senior, approvalNo: '铜职改办' } },
  ],
  invalid: [
    { name: '高级 by the district office', row: { ...senior, approvalNo: '铜职改办【2019】12号' }, errors: [{ messageId: 'notCity', field: 'approvalNo', severity: 'warning', data: { issuer: '铜职改办', year: 2019 } }] },
    { name: '高级 by 铜梁区职改办 with 〔〕', row: { ...senior, approvalNo: '铜梁区职改办〔2019〕12号' }, errors: [{ messageId: 'notCity' }] },
    { name: '正高 by the 片区 office', row: { level: '正高级', title: '正高级工程师', approvalNo: '永川片区职改办【2019】3号' }, errors: [{ messageId: 'notCity', data: { kind: '片区职改办' } }] },
    { name: 'a district prefix added by the config', row: { ...senior, approvalNo: '大足区职改办【2025】5号' }, ctx: withDistrict('大足区职改'), errors: [{ messageId: 'notCity' }] },
  ],
});
