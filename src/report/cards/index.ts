/** Registration sheets (填报单, --cards): one HTML page per person and certificate, and an index page. */
export { buildCard, maskOthers, type CardLookups, type CardOptions } from './model.js';
export { cardHtml, esc, indexChunks, indexHtml, type IndexData, type IndexPerson } from './html.js';
export { FORM, CARD_TEXT } from './guide.js';
export { NameRegistry, safeFileName, namePart, MAX_NAME_BYTES } from './names.js';
export { cardsLines, jsonCards, type JsonCards } from './text.js';
export { CardsWriter, checkCardsTarget, writeCardFile, INDEX_NAME, MANIFEST_NAME, type CardsWriterOptions } from './writer.js';
export type * from './types.js';
