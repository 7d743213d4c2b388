/** A holder younger than 16 on 取得时间 means a wrong date or a wrong ID (guide 三（十一）、三（六）). */
import { rowRule } from '../src/engine/define.js';
import { addYears, compareKnown, formatYMD } from '../src/model/dates.js';
import { idBirthDate, idProblem } from './utils/lookups.js';

const MIN_AGE = 16;

export default rowRule({
  id: 'obtained-too-young',
  description: { zh: '取得时间时持证人已满 16 岁', en: 'The holder was at least 16 on the date obtained' },
  guide: '三（十一）',
  severity: 'warning',
  fields: ['obtainDate'],
  messages: {
    young: {
      zh: '按出生日期 {birth}，取得时间 {obtain} 时持证人还不满 {min} 岁，请核对取得时间和身份证号',
      en: 'born {birth}, the holder was not yet {min} on the date obtained {obtain}; check the date and the ID number',
    },
  },
  check(record) {
    const obtain = record.obtainDate;
    if (!obtain) return [];
    const id = record.v.idNumber.toUpperCase();
    const birth = (idProblem(id) === null ? idBirthDate(id) : null) ?? record.birthDate;
    if (!birth) return [];
    // A month-only date in the month of the 16th birthday cannot be told: no warning.
    if ((compareKnown(obtain, addYears(birth, MIN_AGE)) ?? 0) >= 0) return [];
    return [{ messageId: 'young', field: 'obtainDate', data: { birth: formatYMD(birth), obtain: formatYMD(obtain), min: MIN_AGE } }];
  },
});
