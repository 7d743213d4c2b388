/** Hand-made findings and results for the reporter tests. */
import { MessageBook } from '../../src/engine/messages.js';
import type { Finding } from '../../src/engine/types.js';
import type { CheckResult, FileResult } from '../../src/report/types.js';
import { RULES } from '../../rules/index.js';

export const MESSAGES = new MessageBook(RULES);

/** A valid ID (check character computed) and its masked form. */
export const ID = '500224198001011235';
export const ID_MASKED = '500224********1235';

export function finding(over: Partial<Finding> = {}): Finding {
  return {
    rule: 'approval-no-brackets', messageId: 'brackets', severity: 'error',
    file: 'records.xlsx', sheet: '登记表', row: 17, column: 'J', field: 'approvalNo', header: '批准文号',
    value: '渝职改办〔2019〕125号', data: { found: '〔〕' }, suggestion: '渝职改办【2019】125号', fix: '渝职改办【2019】125号',
    ...over,
  };
}

export function fileResult(over: Partial<FileResult> = {}): FileResult {
  return { path: 'records.xlsx', sheets: [{ name: '登记表', headerRow: 2, rows: 67 }], annotated: 'records.checked.xlsx', notices: [], ...over };
}

export function result(findings: Finding[], files: FileResult[] = [fileResult()]): CheckResult {
  return { files, findings, messages: MESSAGES, startedAt: new Date(Date.UTC(2026, 10, 27, 6, 8, 0)) };
}

/** Findings of several rules and severities over a few rows, in scrambled order. */
export function mixedFindings(): Finding[] {
  return [
    finding({ row: 20, column: 'B', field: 'idNumber', header: '身份证号', rule: 'id-number', messageId: 'checksum', data: { expected: '5' }, value: '500224198001011234', suggestion: null }),
    finding({ row: 17 }),
    finding({ row: 5, column: 'J' }),
    finding({ row: 17, column: 'B', field: 'idNumber', header: '身份证号', rule: 'id-number-lowercase-x', messageId: 'lower', severity: 'warning', value: '11010519491231002x', data: {}, suggestion: '11010519491231002X' }),
    finding({ row: 5, column: null, field: null, header: null, value: null, rule: 'required-fields', messageId: 'missing', data: { header: '免冠照' }, suggestion: null }),
    finding({ row: null, sheet: null, column: null, field: null, header: null, value: null, rule: 'required-fields', messageId: 'missing', severity: 'info', data: { header: '整个文件' }, suggestion: null }),
  ];
}
