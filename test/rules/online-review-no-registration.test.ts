import rule from '../../rules/online-review-no-registration.js';
import { testRule } from './rule-tester.js';

// 二（一）: 2021年以来，职称网报系统评审通过的中、初级职称电子证书，无需再次登记，将由系统自动生成。
testRule(rule, {
  valid: [
    { name: '中级 reviewed in 2019', row: { obtainDate: '2019-11-15' } },
    { name: '高级 reviewed in 2022', row: { level: '高级（副高）', title: '高级工程师', obtainDate: '2022-11-15', issueDate: '2022-12-20' } },
    { name: '中级 by 初定 in 2022', row: { method: '初定', obtainDate: '2022-12-20', issueDate: '2022-12-20' } },
    { name: 'no method column, an office named in 2022 (初定)', omit: ['method'], row: { committee: '重庆市铜梁区职称改革办公室', obtainDate: '2022-12-20', issueDate: '2022-12-20' } },
  ],
  invalid: [
    { name: '中级 reviewed in 2021', row: { obtainDate: '2021-11-15', issueDate: '2021-12-20', certNo: '' }, errors: [{ messageId: 'automatic', field: null, severity: 'info', data: { year: 2021, level: '中级' } }] },
    { name: 'no method column, a committee named: 评审', omit: ['method'], row: { obtainDate: '2022-11-15', issueDate: '2022-12-20', certNo: '' }, errors: [{ messageId: 'automatic' }] },
    { name: '初级, empty method means 评审', row: { level: '初级（含员级）', title: '助理工程师', method: '', obtainDate: '2023-05-01', issueDate: '2023-06-01' }, errors: [{ messageId: 'automatic' }] },
  ],
});
