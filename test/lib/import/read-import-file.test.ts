import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkImportFileSize, ImportRejection, MAX_IMPORT_FILE_BYTES, readImportFile } from '../../../lib/import/read-import-file';
import { PROJECT_ROOT, readSources } from '../../../data/tools/corpus-sources';
import { DAILY, fixtureBytes, fixtureText, MOJIBAKE, WEEKLY } from './helpers';

const utf8 = (text: string) => new TextEncoder().encode(text);
const MB = 1024 * 1024;

/** Runs `read` and returns the rejection it throws; fails when it throws anything else or nothing. */
function rejectionOf(read: () => unknown): ImportRejection {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportRejection);
    return error as ImportRejection;
  }
  throw new Error('expected an ImportRejection, but the file was accepted');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('readImportFile refuses what cannot be a digest', () => {
  it.each<[string, Uint8Array, RegExp]>([
    ['an empty file', new Uint8Array(0), /the file is empty/],
    ['a byte that is never UTF-8 (0xFF)', Uint8Array.of(0x23, 0x20, 0xff, 0x0a), /binary data, not UTF-8 text/],
    ['an overlong UTF-8 encoding of "/"', Uint8Array.of(0x61, 0xc0, 0xaf), /binary data, not UTF-8 text/],
    ['a multi-byte character cut short', utf8('摘要').slice(0, 5), /binary data, not UTF-8 text/],
    ['a UTF-16 surrogate encoded as UTF-8', Uint8Array.of(0xed, 0xa0, 0x80), /binary data, not UTF-8 text/],
    ['the binary.bin fixture (a PNG header, then every byte value)', fixtureBytes('binary.bin'), /binary data, not UTF-8 text/],
    ['a NUL byte', utf8('# 2024-05-20 更新\nab\u0000cd\n'), /control character U\+0000 on line 2/],
    ['an escape character', utf8('a\nb\nc\u001b[31m\n'), /control character U\+001B on line 3/],
    ['a vertical tab', utf8('a\u000bb'), /control character U\+000B on line 1/],
    ['a DEL character', utf8('one\ntwo\u007f'), /control character U\+007F on line 2/],
    ['a <script> element', utf8('# 2024-05-20 更新\n\n<p><script>alert(1)</script></p>'), /line 3 holds a <script> element/],
    ['a <SCRIPT src> element in capitals', utf8('<SCRIPT src="https://evil.example/x.js"></SCRIPT>'), /a <script> element/],
    ['an <iframe>', utf8('text\n<iframe src="https://evil.example"></iframe>'), /line 2 holds an embedding or navigating HTML element/],
    ['a <meta http-equiv> refresh', utf8('<meta http-equiv="refresh" content="0;url=https://evil.example">'), /embedding or navigating HTML element/],
    ['an onerror= attribute', utf8('<details>\n<img src=x onerror=alert(1)>\n</details>'), /line 2 holds an HTML event handler attribute/],
    ['an onload attribute on an svg', utf8('<svg onload = "alert(1)"></svg>'), /an HTML event handler attribute/],
    ['a javascript: href', utf8('<a href="javascript:alert(1)">PDF</a>'), /a script URL/],
    ['a data: image source', utf8("<img src='data:image/svg+xml,<svg/>'>"), /a script URL/],
    ['an <!doctype html> page', utf8('<!doctype html>\n<title>Diffusion Models</title>'), /line 1 holds an HTML page/],
    ['an <html> element', utf8('# x\n<html lang="zh">'), /line 2 holds an HTML page/],
    ['the script.html fixture (a digest saved as a web page)', fixtureBytes('script.html'), /holds a <script> element/],
  ])('refuses %s, saying what is wrong', (_, bytes, reason) => {
    const rejection = rejectionOf(() => readImportFile('picked.txt', bytes));
    expect(rejection.file).toBe('picked.txt');
    expect(rejection.reason).toMatch(reason);
    expect(rejection.message).toBe(`picked.txt: ${rejection.reason}`);
  });

  it('says markup is never imported when it refuses active HTML', () => {
    expect(rejectionOf(() => readImportFile('a.txt', utf8('<script>x</script>'))).reason).toMatch(/HTML that can run code is never imported/);
  });
});

describe('checkImportFileSize', () => {
  it.each<[string, number, RegExp]>([
    ['an empty file', 0, /the file is empty/],
    ['a 50 MB file', 50 * MB, /the file is 50\.0 MB; the largest file the importer reads is 32\.0 MB\. Split it into smaller files/],
    ['a file one byte over the limit', MAX_IMPORT_FILE_BYTES + 1, /the file is 32\.0 MB; the largest file the importer reads is 32\.0 MB/],
    ['a 4 GB file', 4 * 1024 * MB, /the file is 4096\.0 MB/],
  ])('refuses %s by its size alone', (_, size, reason) => {
    expect(rejectionOf(() => checkImportFileSize('big.txt', size)).reason).toMatch(reason);
  });

  it.each([1, 400_000, MAX_IMPORT_FILE_BYTES])('lets a file of %i bytes through', (size) => {
    expect(() => checkImportFileSize('ok.txt', size)).not.toThrow();
  });

  it('refuses a real 50 MB buffer by its size, before decoding it', () => {
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    // All NULs: had the bytes been decoded first, the reason would be a control character.
    const rejection = rejectionOf(() => readImportFile('huge.txt', new Uint8Array(50 * MB)));
    expect(rejection.reason).toMatch(/the file is 50\.0 MB/);
    expect(decode).not.toHaveBeenCalled();
    // The spy does see a file that passes the size check.
    readImportFile('small.txt', utf8('# 2024-05-20 更新\n'));
    expect(decode).toHaveBeenCalledTimes(1);
  });
});

describe('readImportFile accepts digests', () => {
  const seeds = readSources();

  it('is given all five seeds of data/sources', () => {
    expect(seeds.map((seed) => seed.file.slice(0, 4))).toEqual(['000_', '001_', '002_', '003_', '004_']);
  });

  it.each(seeds.map((seed) => [seed.file, seed.text] as const))('accepts the seed %s and returns its text unchanged', (file, text) => {
    const bytes = new Uint8Array(readFileSync(join(PROJECT_ROOT, 'data', 'sources', file)));
    expect(readImportFile(file, bytes)).toBe(text);
  });

  it.each([DAILY, MOJIBAKE, WEEKLY, 'macro-bomb.txt'])('accepts the text fixture %s (later stages judge its content)', (name) => {
    expect(readImportFile(name, fixtureBytes(name))).toBe(fixtureText(name));
  });

  it('drops a byte-order mark at the start', () => {
    const text = '# 2024-05-20 更新\n';
    expect(readImportFile('bom.txt', Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8(text)))).toBe(text);
  });

  it('keeps tabs, line feeds, carriage returns and form feeds, which are text', () => {
    const text = 'a\tb\r\nc\fd\n';
    expect(readImportFile('ws.txt', utf8(text))).toBe(text);
  });

  it.each([
    ['harmless markup the seeds use', '<details>\n<summary>点此查看论文截图</summary>\n<img src="https://picx.zhimg.com/v2-1.jpg" align="middle">\n</details>'],
    ['comparisons in prose', 'FID < 3 and p > 0.5, with a <200 parameter head'],
    ['words that only look like handlers', 'the donation= field and a "javascript: the good parts" reference'],
  ])('accepts %s', (_, text) => {
    expect(readImportFile('ok.txt', utf8(text))).toBe(text);
  });
});

describe('readImportFile decodes the strings of corpus JSON before its markup check (issue 13)', () => {
  // JSON.stringify never escapes "<"; a file that does is written to slip past a raw-text check.
  const corpusWith = (abstractHtml: string) => utf8(JSON.stringify({ papers: [{ arxivId: '2405.12001', abstractHtml }] }).replace(/</g, '\\u003c'));

  it.each<[string, string, RegExp]>([
    ['a \\u003cscript> element', '<script>alert(1)</script>', /papers\.0\.abstractHtml holds a <script> element once its JSON escapes are decoded/],
    ['an escaped <iframe>', 'x <iframe src="https://evil.example"></iframe>', /papers\.0\.abstractHtml holds an embedding or navigating HTML element/],
    ['an escaped event handler', '<span class="mord" onmouseover="alert(1)">x</span>', /an HTML event handler attribute/],
  ])('refuses %s', (_, html, reason) => {
    const bytes = corpusWith(html);
    expect(new TextDecoder().decode(bytes)).not.toContain('<');
    expect(rejectionOf(() => readImportFile('corpus.json', bytes)).reason).toMatch(reason);
  });

  it('refuses markup spelt with escapes in a key too', () => {
    expect(rejectionOf(() => readImportFile('corpus.json', utf8('{"\\u003cscript>": 1}'))).reason).toMatch(/a <script> element once its JSON escapes/);
  });

  it.each([
    ['escaped KaTeX markup', corpusWith('<span class="katex"><span class="mord">x</span></span>')],
    ['malformed JSON, left to the corpus-JSON reader', utf8('{"papers": [\\u003cscript')],
  ])('accepts %s', (_, bytes) => {
    expect(readImportFile('corpus.json', bytes)).toBe(new TextDecoder().decode(bytes));
  });
});
