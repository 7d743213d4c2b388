/** 免冠照 "图片大小不能超过200kb" (guide 三（二）): at most PHOTO_MAX_BYTES = 204,800 bytes. */
import { bytesText, foundFile, PHOTO_MAX_BYTES } from './utils/assets.js';
import { rowRule } from '../src/engine/define.js';

export default rowRule({
  id: 'photo-size',
  description: { zh: '免冠照不超过 200KB', en: 'The photo is at most 200 KB' },
  guide: '三（二）',
  severity: 'error',
  fields: ['photo'],
  messages: {
    'too-large': {
      zh: '免冠照 {file} 有 {size} 字节（{kb} KB），超过 200KB 上限（按 {limit} 字节计）；请压缩或缩小尺寸后再上传',
      en: 'the photo {file} has {size} bytes ({kb} KB), over the 200 KB limit ({limit} bytes); compress or shrink it',
    },
  },
  check(record, ctx) {
    const file = foundFile(record, ctx, 'photo');
    if (!file || file.size <= PHOTO_MAX_BYTES) return [];
    return [{
      messageId: 'too-large', field: 'photo',
      data: { file: file.display, size: bytesText(file.size), kb: (file.size / 1024).toFixed(1), limit: bytesText(PHOTO_MAX_BYTES) },
    }];
  },
});
