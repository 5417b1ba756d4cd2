/** A method heading split into its name and the qualifiers written after it. */
export interface MethodName {
  /** The name, e.g. `IP-Adapter`; the whole heading when it carries no qualifiers. */
  method: string;
  /** Parenthesised qualifiers, e.g. `['no pseudo word', 'no test-time fine-tuning']`. */
  qualifiers: string[];
  /**
   * Names the heading also goes by, when a parenthesis holds a second name rather than qualifiers:
   * `DALLE-2 (unCLIP)` → `['DALLE-2', 'unCLIP']`. Empty otherwise.
   */
  aliases: string[];
}

const OPEN = new Set(['(', '（']);
const CLOSE = new Set([')', '）']);
// Qualifier lists use commas, and ` / ` for "or" (`no test-time fine-tuning / direct`); a slash
// without spaces joins alternatives inside one qualifier (`sketch/edge/segmentation + text`).
const QUALIFIER_SEPARATOR = /^(?:[,;，；]|\s+\/\s+)/;
// `(direct)`, `(image)`, `(fine-tune)`: a lone lower-case word describes the method.
const LOWER_CASE_WORD = /^[\p{Ll}-]+$/u;

/**
 * Splits a method heading into its name and the qualifiers in a trailing parenthesis.
 *
 * A trailing parenthesis holds qualifiers when it reads as a description: it has spaces, commas,
 * `+` or `/` in it, or it is a single lower-case word. Otherwise (a single word with capitals or
 * digits, like `unCLIP`) it is a second name: the heading stays whole as the method, because
 * `DALLE-2 (unCLIP)` is how the taxonomy names that method, and both names become aliases.
 * Several trailing parentheses are peeled one by one; a parenthesis in the middle is left alone.
 *
 * @example splitMethodName('ID-Aligner (image + text)') // { method: 'ID-Aligner', qualifiers: ['image + text'], aliases: [] }
 * @example splitMethodName('DALLE-2 (unCLIP)') // { method: 'DALLE-2 (unCLIP)', qualifiers: [], aliases: ['DALLE-2', 'unCLIP'] }
 */
export function splitMethodName(heading: string): MethodName {
  let method = heading.trim().replace(/\s+/g, ' ');
  const qualifiers: string[] = [];
  let aliases: string[] = [];
  for (;;) {
    const group = trailingGroup(method);
    if (group === null) break;
    const inner = method.slice(group + 1, -1).trim();
    const base = method.slice(0, group).trim();
    if (inner === '') {
      method = base;
      continue;
    }
    if (isSecondName(inner)) {
      // Only the outermost name pair is worth offering as aliases.
      if (qualifiers.length === 0) aliases = [base, inner];
      break;
    }
    qualifiers.unshift(...splitQualifiers(inner));
    method = base;
  }
  return { method, qualifiers, aliases };
}

// Index of the parenthesis that opens the group closing the heading, or null when there is none,
// it is unbalanced, or it would leave no name in front of it.
function trailingGroup(text: string): number | null {
  if (!CLOSE.has(text.at(-1) ?? '')) return null;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const char = text[i]!;
    if (CLOSE.has(char)) depth++;
    else if (OPEN.has(char)) {
      depth--;
      if (depth === 0) return text.slice(0, i).trim() === '' ? null : i;
    }
  }
  return null;
}

function isSecondName(inner: string): boolean {
  if (/[\s,;，；+/]/.test(inner)) return false;
  return !LOWER_CASE_WORD.test(inner);
}

// Splits on separators outside nested parentheses.
function splitQualifiers(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < inner.length; i++) {
    const char = inner[i]!;
    if (OPEN.has(char)) depth++;
    else if (CLOSE.has(char)) depth = Math.max(0, depth - 1);
    const separator = depth === 0 ? QUALIFIER_SEPARATOR.exec(inner.slice(i)) : null;
    if (separator) {
      parts.push(current);
      current = '';
      i += separator[0].length - 1;
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}
