// `@font-face{…}` blocks hold no nested braces, so a flat match is exact.
const FONT_FACE = /@font-face\s*\{[^}]*\}/g;
// KaTeX lists woff2, woff and ttf for every face; every browser the extension runs in takes woff2.
const NON_WOFF2_SOURCE = /,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\(["'](?:woff|truetype)["']\)/g;

/**
 * Splits KaTeX's stylesheet in two: the `@font-face` rules, which must live in the page's document
 * (Chrome ignores font faces declared inside a shadow root), and every other rule, which goes into
 * the card's shadow root. Font sources are reduced to woff2, the only files the extension ships.
 */
export function splitKatexCss(css: string): { fontFaces: string; rules: string } {
  const faces = css.match(FONT_FACE) ?? [];
  return {
    fontFaces: faces.map((face) => face.replace(NON_WOFF2_SOURCE, '')).join('\n'),
    rules: css.replace(FONT_FACE, '').trim(),
  };
}
