import rule from '../../rules/approval-no-brackets.js';
import { testRule } from './rule-tester.js';

// 三（四）1: 批准文号要准确填写，注意括号格式按【】填写。
testRule(rule, {
  valid: [
    { name: '【】', row: { approvalNo: '渝职改办【2019】125号' } },
    { name: 'an old number in 【】', row: { approvalNo: '铜职改办【1998】9号' } },
    { name: 'empty', row: { approvalNo: '' } },
    { name: 'no year at all (approval-no-format\'s job)', row: { approvalNo: '渝职改办125号' } },
  ],
  invalid: [
    ...([['〔', '〕'], ['（', '）'], ['(', ')'], ['[', ']'], ['［', '］'], ['〖', '〗'], ['﹝', '﹞']] as const).map(([o, c]) => ({
      name: `${o}${c}`,
      row: { approvalNo: `渝职改办${o}2019${c}125号` },
      errors: [{ messageId: 'brackets', field: 'approvalNo' as const, data: { found: `${o}${c}` }, suggestion: '渝职改办【2019】125号', fix: '渝职改办【2019】125号' }],
    })),
    { name: 'spaces inside the brackets', row: { approvalNo: '渝人社发〔 2021 〕25号' }, errors: [{ messageId: 'brackets', suggestion: '渝人社发【2021】25号', fix: '渝人社发【2021】25号' }] },
    // 1985–1999 documents wrote two-digit years: the century is read, so it is a suggestion, not a fix.
    {
      name: 'a two-digit year of the 1990s', row: { approvalNo: '铜职改办(98)9号' },
      errors: [{ messageId: 'shortYear', data: { value: '铜职改办(98)9号', suggestion: '铜职改办【1998】9号' }, suggestion: '铜职改办【1998】9号', fix: null }],
    },
    { name: 'a two-digit year of the 1980s in 〔〕', row: { approvalNo: '渝职改〔87〕15号' }, errors: [{ messageId: 'shortYear', suggestion: '渝职改【1987】15号' }] },
    { name: 'a two-digit year of the 2000s in full-width brackets', row: { approvalNo: '铜职改办（05）3号' }, errors: [{ messageId: 'shortYear', suggestion: '铜职改办【2005】3号' }] },
  ],
});
