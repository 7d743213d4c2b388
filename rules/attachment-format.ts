/**
 * 证书附件 is a PDF by content that parses, with no password needed to open it (guide 三（三）: 只支持PDF文件).
 * A user password is an error; an owner password only (it opens, with restrictions) is a warning.
 */
import { foundFile, typeLabel } from './utils/assets.js';
import { rowRule, type RuleReport } from '../src/engine/define.js';

export default rowRule({
  id: 'attachment-format',
  description: { zh: '证书附件是可打开的 PDF 文件', en: 'The certificate attachment is a PDF that opens' },
  guide: '三（三）',
  severity: 'error',
  fields: ['attachment'],
  messages: {
    'wrong-type': {
      zh: '证书附件 {file} 按文件内容实际是 {real} 格式，不是 PDF（改扩展名无效）；平台只接受 PDF，请导出或打印为 PDF',
      en: 'the attachment {file} is really a {real} file by its content, not a PDF (renaming does not help); the platform only takes PDF: export or print it to PDF',
    },
    'unknown-type': {
      zh: '证书附件 {file} 不是 PDF 文件（内容无法识别）；平台只接受 PDF，请重新导出为 PDF',
      en: 'the attachment {file} is not a PDF (its content is not recognised); the platform only takes PDF: export it to PDF again',
    },
    empty: { zh: '证书附件 {file} 是空文件（0 字节）；请重新导出 PDF', en: 'the attachment {file} is empty (0 bytes); export the PDF again' },
    'extension-mismatch': {
      zh: '证书附件 {file} 是 PDF，但扩展名是 .{extension}；请把文件改名为 .pdf 并同步修改表中的文件名',
      en: 'the attachment {file} is a PDF named .{extension}; rename it to .pdf (and the name in the sheet)',
      severity: 'warning',
    },
    invalid: {
      zh: '证书附件 {file} 以 PDF 开头但无法解析（{error}），文件不完整或已损坏；请重新扫描或导出 PDF',
      en: 'the attachment {file} starts like a PDF but does not parse ({error}): it is truncated or damaged; scan or export it again',
    },
    'user-password': {
      zh: '证书附件 {file} 设置了打开密码，平台无法读取；请去掉密码后另存为 PDF',
      en: 'the attachment {file} needs a password to open, which the platform cannot read; remove the password and save it again',
    },
    'owner-only': {
      zh: '证书附件 {file} 设置了权限密码（限制打印、复制等），虽可打开，但审核时可能无法正常使用；建议去掉限制后另存',
      en: 'the attachment {file} has an owner password (printing, copying… restricted); it opens, but remove the restrictions to be safe',
      severity: 'warning',
    },
  },
  check(record, ctx) {
    const file = foundFile(record, ctx, 'attachment');
    if (!file || file.type === undefined) return [];
    const data = { file: file.display };
    if (file.type === 'empty') return [{ messageId: 'empty', field: 'attachment', data }];
    if (file.type === null) return [{ messageId: 'unknown-type', field: 'attachment', data }];
    if (file.type !== 'pdf') return [{ messageId: 'wrong-type', field: 'attachment', data: { ...data, real: typeLabel(file.type) } }];
    const out: RuleReport[] = [];
    if (file.extension !== 'pdf') {
      out.push({ messageId: 'extension-mismatch', field: 'attachment', data: { ...data, extension: file.extension || '-' } });
    }
    const pdf = file.pdf;
    if (pdf?.status === 'invalid') out.push({ messageId: 'invalid', field: 'attachment', data: { ...data, error: pdf.error ?? '' } });
    else if (pdf?.status === 'user-password') out.push({ messageId: 'user-password', field: 'attachment', data });
    else if (pdf?.ownerOnly) out.push({ messageId: 'owner-only', field: 'attachment', data });
    return out;
  },
});
