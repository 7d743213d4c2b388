/** 免冠照: the file the row names (or the naming convention finds) is in the assets folder, and inside it (guide 三（二）). */
import { referenceMessages, referenceReports } from './utils/assets.js';
import { rowRule } from '../src/engine/define.js';

export default rowRule({
  id: 'photo-file',
  description: { zh: '免冠照文件存在于素材文件夹中', en: 'The photo file is in the assets folder' },
  guide: '三（二）',
  severity: 'error',
  fields: ['photo'],
  messages: referenceMessages('免冠照', 'photo', '照片', 'photo'),
  check(record, ctx) {
    return referenceReports(record, ctx, 'photo');
  },
});
