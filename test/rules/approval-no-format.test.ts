import { describe, expect, it } from 'vitest';
import rule from '../../rules/approval-no-format.js';
import { parseApprovalNo } from '../../rules/utils/approval.js';
import { testRule } from './rule-tester.js';

// 三（四）: 批准文号要准确填写，注意括号格式按【】填写……批准文号应该填写“渝职改办【2019】XX号”。
testRule(rule, {
  valid: [
    { name: 'guide form', row: { approvalNo: '渝职改办【2019】125号' } },
    { name: 'district form', row: { approvalNo: '铜职改办【2019】12号' } },
    { name: '〔〕 is approval-no-brackets\' job', row: { approvalNo: '渝职改办〔2019〕125号' } },
    { name: '（） is approval-no-brackets\' job', row: { approvalNo: '渝职改办（2019）125号' } },
    { name: 'full-width digits', row: { approvalNo: '渝职改办【２０１９】１２５号' } },
    { name: '第 before the number', row: { approvalNo: '渝职改办【2019】第125号' } },
    { name: 'empty is required-fields\' job', row: { approvalNo: '' } },
    { name: 'a two-digit year of 1998 is approval-no-brackets\' job', row: { approvalNo: '铜职改办(98)9号' } },
    { name: 'an old issuer without 办', row: { approvalNo: '渝职改【1987】15号' } },
  ],
  invalid: [
    { name: 'the guide\'s XX placeholder left in', row: { approvalNo: '渝职改办【2019】XX号' }, errors: [{ messageId: 'noNumber', field: 'approvalNo' }] },
    { name: 'no number', row: { approvalNo: '渝职改办【2019】' }, errors: [{ messageId: 'noNumber' }] },
    { name: 'no 号', row: { approvalNo: '渝职改办【2019】125' }, errors: [{ messageId: 'noHao', suggestion: '渝职改办【2019】125号' }] },
    { name: 'no 号 and wrong brackets', row: { approvalNo: '渝职改办〔2019〕125' }, errors: [{ messageId: 'noHao', suggestion: '渝职改办【2019】125号' }] },
    { name: 'no issuer', row: { approvalNo: '【2019】125号' }, errors: [{ messageId: 'noIssuer' }] },
    { name: 'no year', row: { approvalNo: '渝职改办125号' }, errors: [{ messageId: 'noYear' }] },
    { name: 'year without brackets', row: { approvalNo: '渝职改办2019年125号' }, errors: [{ messageId: 'noYear', suggestion: '渝职改办【2019】125号' }] },
    { name: 'text after 号', row: { approvalNo: '渝职改办【2019】125号文' }, errors: [{ messageId: 'shape', data: { value: '渝职改办【2019】125号文' } }] },
  ],
});

describe('parseApprovalNo', () => {
  it('splits issuer, year and number', () => {
    expect(parseApprovalNo('渝职改办〔2019〕125号')).toEqual({ value: { issuer: '渝职改办', year: 2019, number: '125' } });
    expect(parseApprovalNo(' 铜职改办 【2020】 7 号 ')).toEqual({ value: { issuer: '铜职改办', year: 2020, number: '7' } });
  });

  it('reads a two-digit year of an old document as its four-digit year', () => {
    expect(parseApprovalNo('铜职改办(98)9号')).toEqual({ value: { issuer: '铜职改办', year: 1998, number: '9' } });
    expect(parseApprovalNo('渝职改〔87〕15号')).toEqual({ value: { issuer: '渝职改', year: 1987, number: '15' } });
    expect(parseApprovalNo('铜职改办（05）3号')).toEqual({ value: { issuer: '铜职改办', year: 2005, number: '3' } });
  });
});
