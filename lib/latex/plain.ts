/**
 * KaTeX-free plain-text path. Runtime code (content script, search) should
 * import from here rather than from `index.ts`, so that KaTeX's JavaScript is
 * never pulled into an extension bundle.
 */
import { mathToUnicode } from './math-to-unicode.ts';
import { tokenizeLatex } from './tokenize-latex.ts';
import type { LatexToken } from './types.ts';

/** Reader-facing plain text of one token (math as Unicode). */
export function tokenPlainText(token: LatexToken): string {
  switch (token.kind) {
    case 'text':
      return token.text;
    case 'url':
      return token.url;
    case 'math':
      return mathToUnicode(token.tex);
  }
}

/**
 * Reader-facing plain text only (math as Unicode). Same result as
 * `renderLatexText(input).plain`, without KaTeX, so it is cheap enough for
 * indexing at run time.
 */
export function latexToPlainText(input: string): string {
  return tokenizeLatex(input).map(tokenPlainText).join('');
}
