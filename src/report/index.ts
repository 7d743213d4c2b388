/** Reporters: functions of a CheckResult (plus options) that make every piece of user-facing text. */
export { jsonChunks, jsonDocument, jsonReport, type JsonDocument, type JsonFile, type JsonNotice, type JsonProblem } from './json.js';
export { prettyReport, shouldColor, type PrettyOptions } from './pretty.js';
export { copyFormatLine, skippedReport, skipReasonText } from './inputs-text.js';
export { AnnotatedWorkbook, type AnnotatedWorkbookOptions } from './xlsx/annotated.js';
export { FILLS, WORKBOOK_TEXT } from './xlsx/text.js';
export { readMarker, type MarkerState } from './xlsx/marker.js';
export { formatNotice, NOTICE_MESSAGES } from './notices.js';
export { sortFindings } from './common.js';
export { summarize, type CheckResult, type FileResult, type ReportOptions, type SheetResult, type Summary } from './types.js';
