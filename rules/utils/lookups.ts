/**
 * The reference lookups rules call, in one place: the city's values, the platform's levels and methods, the
 * guide's names (series, titles, specialties), resident ID numbers, and edit distance. The district's values
 * are the profile in the context (`ctx.data.district`).
 */
export { CITY } from '../../src/data/city.js';
export { canonicalLevel, isSenior, PLATFORM_LEVELS, type PlatformLevel } from '../../src/data/levels.js';
export { canonicalMethod, METHODS } from '../../src/data/methods.js';
export { isOtherSpecialty, OTHER_SPECIALTY, textKey, type TitleEntry } from '../../src/data/guide.js';
export { checkCharacter, idBirthDate, idProblem, legacyTo18, looksLikeLostDigits } from '../../src/util/id-number.js';
export { distance } from 'fastest-levenshtein';
