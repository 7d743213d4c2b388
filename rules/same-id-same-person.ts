/** Rows with one ID number describe one person: the same name and date of birth (guide 三（一）、三（六）). */
import { setRule, type RuleReport } from '../src/engine/define.js';
import { formatYMD, type YMD } from '../src/model/dates.js';
import { SeenRows, earlierRow, idKey, looseKey } from './utils/seen-rows.js';

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
    // The first row of each ID number, and the name and birth month it gave (the first given, if it had none).
    const seen = new SeenRows();
    const people = new Map<string, number>();
    const names: string[] = [];
    const nameKeys: string[] = [];
    /** Birth year * 100 + month, 0 when unknown. */
    const births: number[] = [];
    const month = (d: YMD | null): number => (d ? d.y * 100 + d.m : 0);
    const asYMD = (n: number): YMD => ({ y: Math.floor(n / 100), m: n % 100, d: null });
    return {
      check(record) {
        const id = idKey(record);
        if (!id) return [];
        const name = record.v.name;
        const birth = record.birthDate ?? null;
        const first = people.get(id);
        if (first === undefined) {
          people.set(id, seen.add(record));
          const key = looseKey(name);
          names.push(name);
          nameKeys.push(key === name ? name : key);
          births.push(month(birth));
          return [];
        }
        // An earlier row without a name or date lends the first one seen.
        if (!nameKeys[first] && name) {
          names[first] = name;
          nameKeys[first] = looseKey(name);
        }
        if (!births[first] && birth) births[first] = month(birth);
        const out: RuleReport[] = [];
        const earlier = seen.at(first);
        if (name && nameKeys[first] && looseKey(name) !== nameKeys[first]) {
          out.push({ messageId: 'name', field: 'name', data: { name, earlier: names[first]!, ...earlierRow(earlier, record) } });
        }
        const firstBirth = births[first]!;
        if (birth && firstBirth && month(birth) !== firstBirth) {
          out.push({ messageId: 'birth', field: 'birthDate', data: { birth: formatYMD({ ...birth, d: null }), earlier: formatYMD(asYMD(firstBirth)), ...earlierRow(earlier, record) } });
        }
        return out;
      },
    };
  },
});
