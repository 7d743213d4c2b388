import rule from '../../rules/same-id-same-person.js';
import { testRule } from './rule-tester.js';

const second = { title: '高级工程师', level: '高级（副高）', certNo: '' };

testRule(rule, {
  valid: [
    { name: 'two titles of one person', rows: [{}, second] },
    { name: 'spaces in the name are name-spaces\' job', rows: [{}, { ...second, name: '张 三' }] },
    { name: 'birth date in another form', rows: [{}, { ...second, birthDate: '1980-01' }] },
    { name: 'two people', rows: [{}, { name: '李四', idNumber: '500224198503150024', birthDate: '1985.03' }] },
  ],
  invalid: [
    { name: 'another name', rows: [{}, { ...second, name: '张山' }], errors: [{ messageId: 'name', field: 'name', row: 3, data: { name: '张山', earlier: '张三', row: 2 } }] },
    { name: 'another birth month', rows: [{}, { ...second, birthDate: '1980.02' }], errors: [{ messageId: 'birth', field: 'birthDate', row: 3, data: { birth: '1980-02', earlier: '1980-01' } }] },
    {
      name: 'both differ',
      rows: [{}, { ...second, name: '李四', birthDate: '1981.01' }],
      errors: [{ messageId: 'name', row: 3 }, { messageId: 'birth', row: 3 }],
    },
  ],
});
