export { normalizeTitle, titleTokens } from './normalize-title';
export { TitleIndex, type TitleMatch, type TitleMatchKind } from './title-index';
export { GREEK_LETTER_NAMES } from './greek-letters';
