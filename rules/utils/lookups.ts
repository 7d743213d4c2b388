/**
 * The reference lookups rules call, in one place: the platform's levels and methods, the guide's names
 * (series, titles, specialties), resident ID numbers, and edit distance.
 */
export { canonicalLevel, isSenior, PLATFORM_LEVELS, type PlatformLevel } from '../../src/data/levels.js';
export { canonicalMethod, METHODS } from '../../src/data/methods.js';
export { isOtherSpecialty, OTHER_SPECIALTY, textKey, type TitleEntry } from '../../src/data/guide.js';
export { checkCharacter, idBirthDate, idProblem, legacyTo18, looksLikeLostDigits } from '../../src/util/id-number.js';
export { distance } from 'fastest-levenshtein';
