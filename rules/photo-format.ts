/**
 * 免冠照 is a JPEG or PNG by content (not by extension) that decodes completely (guide 三（二）:
 * 支持格式：JPG，PNG).
 */
import { typeLabel, foundFile } from './utils/assets.js';
import { rowRule, type RuleReport } from '../src/engine/define.js';

const EXTENSIONS: Record<string, readonly string[]> = { jpg: ['jpg', 'jpeg'], png: ['png'] };

export default rowRule({
  id: 'photo-format',
  description: { zh: '免冠照是完整的 JPG 或 PNG 图片', en: 'The photo is a complete JPEG or PNG picture' },
  guide: '三（二）',
  severity: 'error',
  fields: ['photo'],
  messages: {
    'wrong-type': {
      zh: '免冠照 {file} 按文件内容实际是 {real} 格式，不是 JPG 或 PNG（改扩展名无效）；请用图片软件另存为 JPG',
      en: 'the photo {file} is really a {real} file by its content, not JPEG or PNG (renaming does not help); save it as JPEG in an image editor',
    },
    'unknown-type': {
      zh: '免冠照 {file} 不是可识别的图片（不是 JPG 或 PNG）；请用图片软件另存为 JPG',
      en: 'the photo {file} is not a recognisable picture (not JPEG or PNG); save it as JPEG in an image editor',
    },
    empty: { zh: '免冠照 {file} 是空文件（0 字节）；请重新导出照片', en: 'the photo {file} is empty (0 bytes); export the photo again' },
    'extension-mismatch': {
      zh: '免冠照 {file} 实际是 {real} 格式，扩展名却是 .{extension}；建议把文件改名为 .{expected} 并同步修改表中的文件名',
      en: 'the photo {file} is a {real} file named .{extension}; rename it to .{expected} (and the name in the sheet)',
      severity: 'warning',
    },
    undecodable: {
      zh: '免冠照 {file} 无法完整解码（{error}），文件不完整或已损坏；请重新导出或重新拍摄照片',
      en: 'the photo {file} does not decode completely ({error}): it is truncated or damaged; export or take the photo again',
    },
  },
  check(record, ctx) {
    const file = foundFile(record, ctx, 'photo');
    if (!file || file.type === undefined) return [];
    const data = { file: file.display };
    if (file.type === 'empty') return [{ messageId: 'empty', field: 'photo', data }];
    if (file.type === null) return [{ messageId: 'unknown-type', field: 'photo', data }];
    const allowed = EXTENSIONS[file.type];
    if (!allowed) return [{ messageId: 'wrong-type', field: 'photo', data: { ...data, real: typeLabel(file.type) } }];
    const out: RuleReport[] = [];
    if (!allowed.includes(file.extension)) {
      out.push({
        messageId: 'extension-mismatch', field: 'photo',
        data: { ...data, real: typeLabel(file.type), extension: file.extension || '-', expected: allowed[0]! },
      });
    }
    if (file.image && !file.image.decoded) {
      out.push({ messageId: 'undecodable', field: 'photo', data: { ...data, error: file.image.error ?? '' } });
    }
    return out;
  },
});
