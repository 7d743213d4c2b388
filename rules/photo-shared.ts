/** One photo file used for two different people (different ID numbers) is an error on the later row (guide 三（二）). */
import { setRule, type RuleReport } from '../src/engine/define.js';

/** Who a row is: the ID number, or the name when the ID is empty. */
function person(id: string, name: string): string {
  const clean = id.replace(/\s+/g, '').toUpperCase();
  return clean ? `id:${clean}` : name ? `name:${name.replace(/\s+/g, '')}` : '';
}

export default setRule({
  id: 'photo-shared',
  description: { zh: '不同的人不能共用同一张免冠照', en: 'Two different people do not share one photo file' },
  guide: '三（二）',
  severity: 'error',
  fields: ['photo'],
  messages: {
    shared: {
      zh: '免冠照 {file} 已被 {otherFile} 第 {otherRow} 行（{otherName}）使用，那是另一个人；每人应上传本人的照片',
      en: 'the photo {file} is already used by {otherFile} row {otherRow} ({otherName}), a different person; each person needs their own photo',
    },
  },
  start(ctx) {
    const firstUse = new Map<string, { who: string; file: string; row: number; name: string }>();
    return {
      check(record): RuleReport[] {
        const l = ctx.assets?.forRecord(record).photo;
        if (l?.status !== 'found') return [];
        const who = person(record.v.idNumber, record.v.name);
        if (!who) return [];
        const key = l.file.rel.normalize('NFC').toLowerCase();
        const first = firstUse.get(key);
        if (!first) {
          firstUse.set(key, { who, file: record.file, row: record.row, name: record.v.name });
          return [];
        }
        if (first.who === who) return [];
        return [{
          messageId: 'shared', field: 'photo',
          data: { file: l.file.display, otherFile: first.file, otherRow: first.row, otherName: first.name || '-' },
        }];
      },
    };
  },
});
