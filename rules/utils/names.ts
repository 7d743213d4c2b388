/** The middle dot of transliterated names (阿依古丽·买买提), and the dots clerks type instead (name-middle-dot, name-spaces). */

export const MIDDLE_DOT = '·';
/** The dots clerks type for the middle dot, as a regular-expression class: . ． • ・ ･ ‧ ∙ ⋅ 。 */
export const WRONG_DOTS = '[.．•・･‧∙⋅。]';

const ANY_DOT = new RegExp(WRONG_DOTS);
const DOT_AND_SPACES = new RegExp(`\\s*${WRONG_DOTS}\\s*`, 'g');

/** True when a text holds one of those dots. */
export function hasWrongDot(text: string): boolean {
  return ANY_DOT.test(text);
}

/** The text with every such dot (and spaces around it) made the middle dot. */
export function withMiddleDots(text: string): string {
  return text.replace(DOT_AND_SPACES, MIDDLE_DOT);
}
