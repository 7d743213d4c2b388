/** 证书附件 "附件大小不超过10M" (guide 三（三）): at most PDF_MAX_BYTES = 10,485,760 bytes. */
import { bytesText, foundFile, PDF_MAX_BYTES } from './utils/assets.js';
import { rowRule } from '../src/engine/define.js';

export default rowRule({
  id: 'attachment-size',
  description: { zh: '证书附件不超过 10M', en: 'The certificate attachment is at most 10 MB' },
  guide: '三（三）',
  severity: 'error',
  fields: ['attachment'],
  messages: {
    'too-large': {
      zh: '证书附件 {file} 有 {size} 字节（{mb} MB），超过 10M 上限（按 {limit} 字节计）；请降低扫描分辨率或压缩 PDF',
      en: 'the attachment {file} has {size} bytes ({mb} MB), over the 10 MB limit ({limit} bytes); scan at a lower resolution or compress the PDF',
    },
  },
  check(record, ctx) {
    const file = foundFile(record, ctx, 'attachment');
    if (!file || file.size <= PDF_MAX_BYTES) return [];
    return [{
      messageId: 'too-large', field: 'attachment',
      data: { file: file.display, size: bytesText(file.size), mb: (file.size / 1024 / 1024).toFixed(1), limit: bytesText(PDF_MAX_BYTES) },
    }];
  },
});
