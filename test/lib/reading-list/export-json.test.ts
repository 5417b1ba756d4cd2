import { describe, expect, it } from 'vitest';
import { FUTURE_TIME_TOLERANCE_MS, parseReadingListJson, READING_LIST_FILE_FORMAT, READING_LIST_FILE_VERSION, toReadingListJson } from '../../../lib/reading-list/export-json';
import type { ReadingListEntry } from '../../../lib/reading-list/reading-list-entry';
import { readingListEntry } from '../../support/reading-list-entry';

function entry(fields: Partial<ReadingListEntry> = {}): ReadingListEntry {
  return readingListEntry({ title: 'ID-Aligner: Enhancing Identity-Preserving Text-to-Image Generation', authors: ['Weifeng Chen', 'Jiacheng Zhang'], updatedAt: Date.UTC(2024, 4, 2), status: 'reading', note: '第二节很好', tags: ['identity'], ...fields });
}

const entries = [
  entry(),
  entry({ arxivId: 'hep-th/9901001', title: 'The Large N Limit', authors: [], url: null, version: null, status: 'done', tags: [], note: '' }),
  entry({ arxivId: null, title: 'DreamBooth: Fine Tuning Text-to-Image Diffusion Models', url: 'https://openreview.net/forum?id=x', source: 'side-panel' }),
];

/** A file as `toReadingListJson` writes it, with its first entry changed. */
function fileWith(change: (file: { entries: Record<string, unknown>[] } & Record<string, unknown>) => void): string {
  const file = JSON.parse(toReadingListJson(entries, new Date(0)));
  change(file);
  return JSON.stringify(file);
}

function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('valid JSON');
}

describe('toReadingListJson', () => {
  // An older release stored any URL; its list must still export into a file that imports again.
  it.each(['javascript:alert(1)', 'data:text/html,x', 'file:///tmp/a.pdf'])('writes no %s URL, so the file imports again', (url) => {
    const text = toReadingListJson([entry({ url })], new Date(0));
    expect(JSON.parse(text).entries[0].url).toBeNull();
    expect(parseReadingListJson(text)).toMatchObject({ ok: true });
  });

  it('writes the format, the version, the time and every field of every entry', () => {
    const text = toReadingListJson([entries[1]!], new Date(Date.UTC(2026, 11, 1, 9, 30)));
    expect(text).toBe(`{
  "format": "arxiv-digest-companion/reading-list",
  "version": 1,
  "exportedAt": "2026-12-01T09:30:00.000Z",
  "entries": [
    {
      "key": "arxiv:hep-th/9901001",
      "arxivId": "hep-th/9901001",
      "version": null,
      "title": "The Large N Limit",
      "authors": [],
      "url": null,
      "source": "card",
      "savedAt": ${Date.UTC(2024, 4, 1)},
      "updatedAt": ${Date.UTC(2024, 4, 2)},
      "status": "done",
      "note": "",
      "tags": []
    }
  ]
}
`);
    expect(READING_LIST_FILE_FORMAT).toBe('arxiv-digest-companion/reading-list');
    expect(READING_LIST_FILE_VERSION).toBe(1);
  });
});

describe('parseReadingListJson', () => {
  it('reads back what toReadingListJson wrote', () => {
    expect(parseReadingListJson(toReadingListJson(entries, new Date()))).toEqual({ ok: true, entries });
  });

  it('reads an empty list', () => {
    expect(parseReadingListJson(toReadingListJson([], new Date()))).toEqual({ ok: true, entries: [] });
  });

  it.each([
    ['a byte-order mark', (text: string) => `\uFEFF${text}`],
    ['top-level fields it does not know', (text: string) => text.replace('{', '{"exportedBy": "a later release", ')],
    ['duplicate and padded tags', (text: string) => text.replace('"tags": [\n        "identity"\n      ]', '"tags": [" identity ", "identity"]')],
  ])('accepts a file with %s', (_, change) => {
    const text = change(toReadingListJson(entries, new Date()));
    expect(parseReadingListJson(text)).toEqual({ ok: true, entries });
  });

  const notJson = '{"format": "arxiv-digest-companion/reading-list", "version": 1,';
  it.each([
    ['not JSON', notJson, [`not JSON: ${jsonError(notJson)}`]],
    ['an empty file', ' \n', ['not JSON: the file is empty']],
    ['an array', '[]', ['expected a JSON object with "format", "version" and "entries", got an array']],
    ['another format', '{"format": "zotero", "version": 1, "entries": []}', ['format: expected "arxiv-digest-companion/reading-list", got "zotero"']],
    ['no format', '{"version": 1, "entries": []}', ['format: expected "arxiv-digest-companion/reading-list", got nothing']],
    ['a newer version', fileWith((file) => (file.version = 2)), ['version 2 is newer than this extension understands (1)']],
    ['a version as a string', fileWith((file) => (file.version = '1')), ['version: expected a whole number from 1, got "1"']],
    ['entries that are not a list', fileWith((file) => (file.entries = {} as never)), ['entries: expected an array, got an object']],
    ['an entry that is not an object', fileWith((file) => (file.entries[1] = [] as never)), ['entries[1]: expected an object, got an array']],
    ['an unknown status', fileWith((file) => (file.entries[2]!.status = 'skimmed')), ['entries[2].status: expected one of to-read|reading|done, got "skimmed"']],
    ['an unknown source', fileWith((file) => (file.entries[0]!.source = 'email')), ['entries[0].source: expected one of card|popup|side-panel|context-menu|command|import|sync, got "email"']],
    ['a missing title', fileWith((file) => delete file.entries[0]!.title), ['entries[0].title: missing']],
    ['a blank title', fileWith((file) => (file.entries[0]!.title = '  ')), ['entries[0].title: expected a title, got "  "']],
    ['a title too long', fileWith((file) => (file.entries[0]!.title = 'x'.repeat(2001))), ['entries[0].title: expected at most 2000 characters, got 2001']],
    ['an author that is not a string', fileWith((file) => (file.entries[0]!.authors = ['A', 7])), ['entries[0].authors[1]: expected a string, got 7']],
    ['an id with its version', fileWith((file) => (file.entries[0]!.arxivId = '2404.15449v1')), ['entries[0].arxivId: expected an arXiv id without version, or null, got "2404.15449v1"']],
    ['a URL that is not one', fileWith((file) => (file.entries[0]!.url = 'not a url')), ['entries[0].url: expected an http(s) URL or null, got "not a url"']],
    ['a javascript: URL', fileWith((file) => (file.entries[0]!.url = 'javascript:alert(1)')), ['entries[0].url: expected an http(s) URL or null, got "javascript:alert(1)"']],
    ['a data: URL', fileWith((file) => (file.entries[0]!.url = 'data:text/html,<b>x</b>')), ['entries[0].url: expected an http(s) URL or null, got "data:text/html,<b>x</b>"']],
    ['a version of 0', fileWith((file) => (file.entries[0]!.version = 0)), ['entries[0].version: expected a version number from 1, or null, got 0']],
    ['a time that is not a number', fileWith((file) => (file.entries[0]!.savedAt = 'yesterday')), ['entries[0].savedAt: expected a time in milliseconds, got "yesterday"']],
    ['an empty tag', fileWith((file) => (file.entries[0]!.tags = ['ok', ' '])), ['entries[0].tags[1]: expected a tag, got an empty string']],
    ['a note that is not text', fileWith((file) => (file.entries[0]!.note = null)), ['entries[0].note: expected a string, got null']],
    ['a field entries do not have', fileWith((file) => (file.entries[0]!.colour = 'red')), ['entries[0].colour: not a field of a reading-list entry']],
    ['a key that is not its id’s', fileWith((file) => (file.entries[0]!.key = 'arxiv:2403.04692')), ['entries[0].key: expected "arxiv:2404.15449" (from its arXiv id), got "arxiv:2403.04692"']],
    [
      'a key that is not its title’s',
      fileWith((file) => (file.entries[2]!.key = 'title:dreambooth')),
      ['entries[2].key: expected "title:dreambooth fine tuning text to image diffusion models" (from its title), got "title:dreambooth"'],
    ],
    ['the same paper twice', fileWith((file) => file.entries.push(file.entries[0]!)), ['entries[3].key: "arxiv:2404.15449" is also the key of entries[0]; a paper may be listed once']],
    [
      'several problems',
      fileWith((file) => Object.assign(file.entries[1]!, { status: 'skimmed', tags: 'a, b', updatedAt: -1 })),
      ['entries[1].updatedAt: expected a time in milliseconds, got -1', 'entries[1].status: expected one of to-read|reading|done, got "skimmed"', 'entries[1].tags: expected an array of strings, got "a, b"'],
    ],
  ])('says what is wrong with %s', (_, text, problems) => {
    expect(parseReadingListJson(text)).toEqual({ ok: false, problems });
  });

  // Issue 13, finding 5: a time in the future stays "the newest" for ever.
  const now = Date.UTC(2026, 11, 6, 12);
  it.each([
    ['updatedAt', Number.MAX_SAFE_INTEGER, 'entries[0].updatedAt: 9007199254740991 (9007199254740991) is in the future; this computer\'s clock says 2026-12-06'],
    ['updatedAt', 9e15, 'entries[0].updatedAt: 9000000000000000 (9000000000000000) is in the future; this computer\'s clock says 2026-12-06'],
    ['savedAt', Date.UTC(2027, 0, 1), `entries[0].savedAt: ${Date.UTC(2027, 0, 1)} (2027-01-01) is in the future; this computer's clock says 2026-12-06`],
    ['updatedAt', now + FUTURE_TIME_TOLERANCE_MS + 1, `entries[0].updatedAt: ${now + FUTURE_TIME_TOLERANCE_MS + 1} (2026-12-06) is in the future; this computer's clock says 2026-12-06`],
  ] as const)('refuses a %s of %s, past the clock', (field, time, problem) => {
    expect(parseReadingListJson(fileWith((file) => (file.entries[0]![field] = time)), now)).toEqual({ ok: false, problems: [problem] });
  });

  it.each([
    ['now', now],
    ['within the tolerance for another machine’s clock', now + FUTURE_TIME_TOLERANCE_MS],
  ])('accepts a time of %s', (_, time) => {
    expect(parseReadingListJson(fileWith((file) => (file.entries[0]!.updatedAt = time)), now)).toMatchObject({ ok: true });
  });

  it('lists the first 20 problems and counts the rest', () => {
    const text = fileWith((file) => {
      file.entries = Array.from({ length: 30 }, (_, i) => ({ ...file.entries[0]!, arxivId: `2404.${String(i).padStart(5, '0')}`, key: 'wrong' }));
    });
    const result = parseReadingListJson(text);
    expect(result.ok).toBe(false);
    const problems = (result as { problems: string[] }).problems;
    expect(problems).toHaveLength(21);
    expect(problems[19]).toBe('entries[19].key: expected "arxiv:2404.00019" (from its arXiv id), got "wrong"');
    expect(problems[20]).toBe('and 10 more problems');
  });

  it('reads a 2 MB file of 3,100 entries whole', () => {
    const many = Array.from({ length: 3100 }, (_, i) =>
      entry({ arxivId: `2404.${String(i).padStart(5, '0')}`, note: 'A note of some length, as a reader might write. '.repeat(4), tags: ['diffusion', 'video', `t${i % 50}`] }),
    );
    const text = toReadingListJson(many, new Date());
    expect(text.length).toBeGreaterThan(2_000_000);
    const result = parseReadingListJson(text);
    expect(result.ok && result.entries.length).toBe(3100);
  });
});
