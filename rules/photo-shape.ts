/**
 * 免冠照 has the portrait shape of an ID photo: width / height within [PHOTO_ASPECT_MIN, PHOTO_ASPECT_MAX]
 * = [0.6, 0.9] (3:4 is 0.75, 5:7 is 0.71; e.g. 358×441, 295×413). Far off → warning.
 */
import { foundFile, PHOTO_ASPECT_MAX, PHOTO_ASPECT_MIN } from './utils/assets.js';
import { rowRule } from '../src/engine/define.js';

export default rowRule({
  id: 'photo-shape',
  description: { zh: '免冠照为竖向证件照比例', en: 'The photo has a portrait ID-photo shape' },
  guide: '三（二）',
  severity: 'warning',
  fields: ['photo'],
  messages: {
    landscape: {
      zh: '免冠照 {file} 是横向图片（{width}×{height}），证件照应为竖向（宽:高 约 3:4 至 5:7，如 358×441、295×413）；请确认不是生活照或旋转错误',
      en: 'the photo {file} is landscape ({width}×{height}); an ID photo is portrait (about 3:4 to 5:7, e.g. 358×441, 295×413): is it rotated, or not an ID photo?',
    },
    aspect: {
      zh: '免冠照 {file} 的宽高比为 {ratio}（{width}×{height}），不在证件照常见的 {min}–{max} 之间（3:4 至 5:7，如 358×441、295×413）；请确认是标准证件照',
      en: 'the photo {file} has a width/height ratio of {ratio} ({width}×{height}), outside the usual ID-photo range {min}–{max} (3:4 to 5:7, e.g. 358×441, 295×413)',
    },
  },
  check(record, ctx) {
    const file = foundFile(record, ctx, 'photo');
    const img = file?.image;
    if (!file || !img?.decoded || !img.width || !img.height) return [];
    const ratio = img.width / img.height;
    const data = { file: file.display, width: img.width, height: img.height };
    if (img.width > img.height) return [{ messageId: 'landscape', field: 'photo', data }];
    if (ratio >= PHOTO_ASPECT_MIN && ratio <= PHOTO_ASPECT_MAX) return [];
    return [{ messageId: 'aspect', field: 'photo', data: { ...data, ratio: ratio.toFixed(2), min: PHOTO_ASPECT_MIN, max: PHOTO_ASPECT_MAX } }];
  },
});
