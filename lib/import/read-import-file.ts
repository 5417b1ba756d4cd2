/**
 * The first gate of an import: is this file text a digest could be written in? Everything here
 * is checked before any parser sees the file, and a file that fails is refused whole.
 */

/**
 * The largest file accepted. The largest seed is 0.4 MB and a year of daily digests about 25 MB of
 * corpus JSON, so 32 MB is generous; past it a file is far more likely a mistake (or an attack on
 * the parser's time) than a digest.
 */
export const MAX_IMPORT_FILE_BYTES = 32 * 1024 * 1024;

/** A file the importer refuses, with a reason a user can act on. Nothing of it is imported. */
export class ImportRejection extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ImportRejection';
  }
}

// Digests are plain text: a C0 control other than tab, line feed, form feed and carriage return
// means the bytes are not text, whatever they decode to.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

// Markup that only a web page has. The seeds quote none of it; a "digest" that does is a page
// saved by mistake or a file written to attack whoever renders it.
const ACTIVE_MARKUP: readonly [RegExp, string][] = [
  [/<script[\s>/]/i, 'a <script> element'],
  [/<(?:iframe|object|embed|frame|frameset|applet|base|meta|form)[\s>/]/i, 'an embedding or navigating HTML element'],
  [/<[a-z][^>]*\son[a-z]+\s*=/i, 'an HTML event handler attribute'],
  [/(?:href|src|action)\s*=\s*["']?\s*(?:javascript|vbscript|data):/i, 'a script URL'],
  [/<!doctype\s+html|<html[\s>]/i, 'an HTML page'],
];

/**
 * Decodes a file the user picked and checks that it can be a digest: small enough, UTF-8 text,
 * no control characters, no active HTML. A byte-order mark is dropped.
 * @param name The file's name, for messages.
 * @param bytes The file's content.
 * @throws ImportRejection naming the first problem found.
 */
export function readImportFile(name: string, bytes: Uint8Array): string {
  checkImportFileSize(name, bytes.byteLength);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportRejection(name, 'this is binary data, not UTF-8 text; digest files are plain text');
  }
  const control = CONTROL_CHARACTER.exec(text);
  if (control) {
    const line = text.slice(0, control.index).split('\n').length;
    throw new ImportRejection(name, `this is binary data, not text (control character U+${control[0].codePointAt(0)!.toString(16).padStart(4, '0').toUpperCase()} on line ${line})`);
  }
  for (const [pattern, what] of ACTIVE_MARKUP) {
    const found = pattern.exec(text);
    if (found) {
      const line = text.slice(0, found.index).split('\n').length;
      throw new ImportRejection(name, `line ${line} holds ${what}; digest files are plain text, and HTML that can run code is never imported`);
    }
  }
  checkJsonStrings(name, text);
  return text;
}

/**
 * Corpus JSON can spell markup with escapes (`\u003cscript`), which the raw-text check above never
 * sees; so the strings of a JSON file are checked again as they decode. A file that does not parse
 * is left to the corpus-JSON reader, which says why.
 */
function checkJsonStrings(name: string, text: string): void {
  if (!/^\s*\{/.test(text)) return;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return;
  }
  const pending: [unknown, string][] = [[data, '']];
  while (pending.length > 0) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'string') {
      const found = ACTIVE_MARKUP.find(([pattern]) => pattern.test(value));
      if (found) throw new ImportRejection(name, `${path || 'the file'} holds ${found[1]} once its JSON escapes are decoded; HTML that can run code is never imported`);
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) pending.push([key, path], [item, path ? `${path}.${key}` : key]);
    }
  }
}

/**
 * Refuses a file by its size alone, before it is read: a 50 MB file is turned away without being
 * loaded into memory.
 * @throws ImportRejection when the file is larger than {@link MAX_IMPORT_FILE_BYTES} or empty.
 */
export function checkImportFileSize(name: string, bytes: number): void {
  if (bytes === 0) throw new ImportRejection(name, 'the file is empty');
  if (bytes > MAX_IMPORT_FILE_BYTES) {
    throw new ImportRejection(name, `the file is ${megabytes(bytes)}; the largest file the importer reads is ${megabytes(MAX_IMPORT_FILE_BYTES)}. Split it into smaller files`);
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
