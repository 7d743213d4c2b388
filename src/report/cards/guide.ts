/**
 * The platform's form as the guide walks it (三（一）to（十五）): each field's section and how it is filled in;
 * its line of the guide, in both languages, is src/i18n/cards.ts's FORM_HINTS. The sheets follow this order.
 */
import type { CardAction, FormFieldKey } from './types.js';

export interface FormField {
  field: FormFieldKey;
  section: string;
  /** The usual way in; a line may say otherwise (a value the platform fills by default, a field left empty). */
  action: CardAction;
}

/** The platform's fields in the guide's order. 姓名 and 身份证号 come from the account (三（一）). */
export const FORM: readonly FormField[] = [
  { field: 'name', section: '三（一）', action: 'auto' },
  { field: 'idNumber', section: '三（一）', action: 'auto' },
  { field: 'photo', section: '三（二）', action: 'upload' },
  { field: 'attachment', section: '三（三）', action: 'upload' },
  { field: 'approvalNo', section: '三（四）', action: 'type' },
  { field: 'region', section: '三（五）', action: 'choose' },
  { field: 'birthDate', section: '三（六）', action: 'choose' },
  { field: 'series', section: '三（七）', action: 'choose' },
  { field: 'level', section: '三（八）', action: 'choose' },
  { field: 'title', section: '三（九）', action: 'choose' },
  { field: 'hasSpecialty', section: '三（十）', action: 'choose' },
  { field: 'issueDate', section: '三（十一）', action: 'choose' },
  { field: 'obtainDate', section: '三（十一）', action: 'choose' },
  { field: 'specialty', section: '三（十二）', action: 'choose' },
  { field: 'localSpecialty', section: '三（十二）', action: 'type' },
  { field: 'authority', section: '三（十三）', action: 'choose' },
  { field: 'committee', section: '三（十四）', action: 'type' },
  { field: 'certNo', section: '三（十五）', action: 'type' },
];
