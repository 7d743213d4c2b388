/**
 * 免冠照 is a colour photo (guide 三（二）: 彩色免冠照). Grey by stored channels (1–2), or by pixels: a grey
 * picture saved as RGB is grey when every pixel of a 64-px thumbnail has R, G, B within GREY_TOLERANCE.
 */
import { foundFile, GREY_TOLERANCE } from './utils/assets.js';
import { rowRule } from '../src/engine/define.js';

export default rowRule({
  id: 'photo-colour',
  description: { zh: '免冠照是彩色照片', en: 'The photo is in colour' },
  guide: '三（二）',
  severity: 'warning',
  fields: ['photo'],
  messages: {
    'grey-channels': {
      zh: '免冠照 {file} 是黑白（灰度）图片，指南要求彩色免冠照；请换用彩色照片',
      en: 'the photo {file} is a greyscale picture; the guide asks for a colour photo',
    },
    'grey-pixels': {
      zh: '免冠照 {file} 虽存为彩色格式，但内容是黑白的（整张照片各处的红绿蓝相差都不超过 {tolerance}/255）；指南要求彩色免冠照',
      en: 'the photo {file} is stored as colour but its content is grey (red, green and blue within {tolerance}/255 all over the picture); the guide asks for a colour photo',
    },
  },
  check(record, ctx) {
    const file = foundFile(record, ctx, 'photo');
    const colour = file?.image?.decoded ? file.image.colour : undefined;
    if (!file || !colour || colour === 'colour') return [];
    return [{ messageId: colour, field: 'photo', data: { file: file.display, tolerance: GREY_TOLERANCE } }];
  },
});
