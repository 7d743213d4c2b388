/** Rows with one ID number describe one person: the same name and date of birth (guide 三（一）、三（六）). */
import { setRule } from '../src/engine/define.js';
import type { RuleReport } from '../src/engine/types.js';
import { formatYMD, type YMD } from '../src/model/dates.js';
import { earlierRow, idKey, looseKey, seenAt, type Seen } from './duplicate-certificate.js';

interface Person extends Seen {
  name: string;
  nameKey: string;
  birth: YMD | null;
}

export default setRule({
  id: 'same-id-same-person',
  description: { zh: '同一身份证号的姓名、出生年月一致', en: 'One ID number has one name and one date of birth' },
  guide: '三（一）',
  severity: 'error',
  fields: ['name', 'birthDate'],
  messages: {
    name: {
      zh: '身份证号与{at}第 {row} 行相同，但姓名“{name}”与那一行的“{earlier}”不同，请核对身份证号或姓名',
      en: 'same ID number as row {row} of {at}, but the name "{name}" differs from "{earlier}" there; check the ID number or the name',
    },
    birth: {
      zh: '身份证号与{at}第 {row} 行相同，但出生年月 {birth} 与那一行的 {earlier} 不同',
      en: 'same ID number as row {row} of {at}, but the date of birth {birth} differs from {earlier} there',
    },
  },
  start() {
    const people = new Map<string, Person>();
    return {
      check(record) {
        const id = idKey(record);
        if (!id) return [];
        const name = record.v.name;
        const birth = record.birthDate ?? null;
        const first = people.get(id);
        if (!first) {
          people.set(id, { ...seenAt(record), name, nameKey: looseKey(name), birth });
          return [];
        }
        // An earlier row without a name or date lends the first one seen.
        if (!first.nameKey && name) Object.assign(first, { name, nameKey: looseKey(name) });
        if (!first.birth && birth) first.birth = birth;
        const out: RuleReport[] = [];
        if (name && first.nameKey && looseKey(name) !== first.nameKey) {
          out.push({ messageId: 'name', field: 'name', data: { name, earlier: first.name, ...earlierRow(first, record) } });
        }
        if (birth && first.birth && (birth.y !== first.birth.y || birth.m !== first.birth.m)) {
          out.push({ messageId: 'birth', field: 'birthDate', data: { birth: formatYMD({ ...birth, d: null }), earlier: formatYMD({ ...first.birth, d: null }), ...earlierRow(first, record) } });
        }
        return out;
      },
    };
  },
});
