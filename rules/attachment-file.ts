/** 证书附件: the file the row names (or the naming convention finds) is in the assets folder, and inside it (guide 三（三）). */
import { referenceMessages, referenceReports } from './utils/assets.js';
import { rowRule } from '../src/engine/define.js';

export default rowRule({
  id: 'attachment-file',
  description: { zh: '证书附件文件存在于素材文件夹中', en: 'The certificate attachment is in the assets folder' },
  guide: '三（三）',
  severity: 'error',
  fields: ['attachment'],
  messages: referenceMessages('证书附件', 'certificate attachment', '证书附件（PDF）', 'attachment (PDF)'),
  check(record, ctx) {
    return referenceReports(record, ctx, 'attachment');
  },
});
