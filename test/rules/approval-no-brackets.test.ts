import rule from '../../rules/approval-no-brackets.js';
import { testRule } from './rule-tester.js';

// 三（四）1: 批准文号要准确填写，注意括号格式按【】填写。
testRule(rule, {
  valid: [
    { name: '【】', row: { approvalNo: '渝职改办【2019】125号' } },
    { name: 'empty', row: { approvalNo: '' } },
    { name: 'no year at all (approval-no-format\'s job)', row: { approvalNo: '渝职改办125号' } },
  ],
  invalid: [
    ...([['〔', '〕'], ['（', '）'], ['(', ')'], ['[', ']'], ['［', '］'], ['〖', '〗'], ['﹝', '﹞']] as const).map(([o, c]) => ({
      name: `${o}${c}`,
      row: { approvalNo: `渝职改办${o}2019${c}125号` },
      errors: [{ messageId: 'brackets', field: 'approvalNo' as const, data: { found: `${o}${c}` }, suggestion: '渝职改办【2019】125号' }],
    })),
    { name: 'spaces inside the brackets', row: { approvalNo: '渝人社发〔 2021 〕25号' }, errors: [{ messageId: 'brackets', suggestion: '渝人社发【2021】25号' }] },
  ],
});
