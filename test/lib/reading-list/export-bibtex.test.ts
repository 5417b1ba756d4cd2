import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citationKeys, paperToBibtex, paperYear, toBibtex } from '../../../lib/reading-list/export-bibtex';
import { readingListEntry } from '../../support/reading-list-entry';

const entry = readingListEntry;

/**
 * Parses as a reference manager would; fails the test on any parse error. The entries returned
 * are not sentence-cased: by default the parser, reading for Zotero, drops a title's outer braces
 * as a habit and lower-cases English titles, which says nothing about the file's text.
 */
function parseBib(bib: string): Entry[] {
  expect(parse(bib).errors).toEqual([]);
  const library = parse(bib, { sentenceCase: false });
  expect(library.errors).toEqual([]);
  return library.entries;
}

function creatorName(creator: Creator): string {
  return creator.name ?? [creator.firstName, creator.prefix, creator.lastName, creator.suffix].filter(Boolean).join(' ');
}

/**
 * BibTeX matches braces without regard to backslashes: within an entry the depth must never fall
 * to zero before the entry's own closing brace.
 */
function expectBracesBalancedPerEntry(bib: string): void {
  for (const chunk of bib.split(/\n(?=@)/)) {
    let depth = 0;
    const closes: number[] = [];
    for (let i = 0; i < chunk.length; i++) {
      if (chunk[i] === '{') depth++;
      if (chunk[i] === '}' && --depth === 0) closes.push(i);
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(closes).toEqual([chunk.trimEnd().length - 1]);
  }
}

describe('toBibtex', () => {
  it('writes an arXiv paper as arXiv itself would, minus status and note', () => {
    const bib = toBibtex([entry({ status: 'done', note: 'read it twice', tags: ['identity', 'reward'] })], { primaryClass: () => 'cs.CV' });
    expect(bib).toBe(`@misc{chen2024idaligner,
  title = {{ID-Aligner: Enhancing Identity-Preserving Text-to-Image Generation with Reward Feedback Learning}},
  author = {Weifeng Chen and Jiacheng Zhang and Jie Wu},
  year = {2024},
  eprint = {2404.15449},
  archivePrefix = {arXiv},
  primaryClass = {cs.CV},
  url = {https://arxiv.org/abs/2404.15449},
  keywords = {identity, reward}
}
`);
  });

  it('parses back with no errors, title, authors, eprint and keywords intact', () => {
    const paper = entry({ authors: ['Weifeng Chen', 'Doe, Jr., John', '李明', 'Tom and Jerry Lab', 'José Müller'], tags: ['diffusion', 'id'] });
    const [parsed] = parseBib(toBibtex([paper]));
    expect(parsed).toMatchObject({ type: 'misc', key: 'chen2024idaligner' });
    expect(parsed!.fields).toMatchObject({ title: paper.title, eprint: '2404.15449', year: '2024', archiveprefix: 'arXiv', url: 'https://arxiv.org/abs/2404.15449', keywords: ['diffusion', 'id'] });
    expect(parsed!.fields.author!.map(creatorName)).toEqual(paper.authors);
  });

  it.each([
    ['50% of {braces}'],
    ['C++ & C#'],
    ['a_b^c~d\\e'],
    ['PixArt-Σ: Weak-to-Strong Training of Diffusion Transformer'],
    ['中文标题：扩散模型'],
    ['Ünïcödé'],
    ['unbalanced }{'],
    ['}}}'],
    ['{{{'],
    ['\\end{document} $x$ \\\\'],
    ['@misc{evil, title = {owned}}'],
    ['<<guillemets>> and a|b'],
    ["Text--Image ``quotes'' ,,low"],
    ['Line\nbreak\tand  spaces'],
  ])('keeps the title %j exact and the braces balanced', (title) => {
    const bib = toBibtex([entry({ title, authors: [title], tags: [title] })]);
    expectBracesBalancedPerEntry(bib);
    const [parsed] = parseBib(bib);
    const expected = title.replace(/\s+/g, ' ');
    expect(parsed!.fields.title).toBe(expected);
    expect(parsed!.fields.author!.map(creatorName)).toEqual([expected]);
  });

  it('protects the capitals of a title from sentence-casing with double braces', () => {
    const title = 'PixArt-Σ: Weak-to-Strong Training of Diffusion Transformer';
    const bib = toBibtex([entry({ title })]);
    expect(bib).toContain(`title = {{${title}}}`);
    // With its outer braces honoured, as BibTeX and biber honour them, the whole title is kept as is.
    expect(parse(bib, { removeOuterBraces: [] }).entries[0]!.fields.title).toBe(`<span class="nocase">${title}</span>`);
    expect(parse(bib).entries[0]!.fields.title).toBe('PixArt-Σ: Weak-to-strong training of diffusion transformer');
  });

  it.each([
    ['\\', '\\textbackslash{}'],
    ['{', '\\textbraceleft{}'],
    ['}', '\\textbraceright{}'],
    ['&', '\\&'],
    ['%', '\\%'],
    ['$', '\\$'],
    ['#', '\\#'],
    ['_', '\\_'],
    ['~', '\\textasciitilde{}'],
    ['^', '\\textasciicircum{}'],
    ['--', '-{}-'],
  ])('escapes %j as %j', (special, escaped) => {
    expect(toBibtex([entry({ title: `x${special}y` })])).toContain(`title = {{x${escaped}y}}`);
  });

  it('writes a tag with LaTeX specials escaped, and a comma in a tag as a space', () => {
    const bib = toBibtex([entry({ tags: ['a_b', 'x, y'] })]);
    expect(bib).toContain('keywords = {a\\_b, x y}');
    expect(parseBib(bib)[0]!.fields.keywords).toEqual(['a\\_b', 'x y']);
  });

  it('protects names BibTeX would split or reorder, and leaves the rest as given', () => {
    const bib = toBibtex([entry({ authors: ['Doe, John', 'Tom and Jerry', 'others', 'Ludwig van Beethoven'] })]);
    expect(bib).toContain('author = {{Doe, John} and {Tom and Jerry} and {others} and Ludwig van Beethoven}');
  });

  it.each([
    ['a new-style id', '2404.15449', 2024],
    ['the first new-style id', '0704.0001', 2007],
    ['a five-digit id', '1501.00001', 2015],
    ['an old-style id from the 1990s', 'hep-th/9901001', 1999],
    ['an old-style id from the 2000s', 'math/0309136', 2003],
    ['no id', null, 2023],
  ])('takes the year from %s', (_, arxivId, year) => {
    const paper = entry({ arxivId, savedAt: Date.UTC(2023, 11, 31, 23) });
    expect(paperYear(paper)).toBe(year);
    expect(parseBib(toBibtex([paper]))[0]!.fields.year).toBe(String(year));
  });

  it('names the archive of an old-style id as its primary class', () => {
    const [parsed] = parseBib(toBibtex([entry({ arxivId: 'hep-th/9901001', title: 'Large N' })]));
    expect(parsed!.fields).toMatchObject({ eprint: 'hep-th/9901001', primaryclass: 'hep-th', url: 'https://arxiv.org/abs/hep-th/9901001' });
  });

  it.each([
    ['no lookup', undefined, undefined],
    ['a lookup that does not know', () => null, undefined],
    ['a lookup that knows', () => 'cs.CV', 'cs.CV'],
    ['a lookup that returns something else', () => 'cs}, note = {x', undefined],
  ])('writes the primary class of a new-style id from %s', (_, primaryClass, expected) => {
    expect(parseBib(toBibtex([entry()], { primaryClass }))[0]!.fields.primaryclass).toBe(expected);
  });

  it.each([
    ['an http(s) URL as saved', 'https://openreview.net/forum?id=a{b}c d', 'https://openreview.net/forum?id=a%7Bb%7Dc%20d'],
    ['no javascript: URL', 'javascript:alert(1)', undefined],
    ['no URL when none was saved', null, undefined],
  ])('writes, for a paper without an arXiv id, %s', (_, url, expected) => {
    const bib = toBibtex([entry({ arxivId: null, url })]);
    expectBracesBalancedPerEntry(bib);
    const [parsed] = parseBib(bib);
    expect(parsed!.fields.url).toBe(expected);
    expect(parsed!.fields.eprint).toBeUndefined();
  });

  it('writes an empty list as an empty file', () => {
    expect(toBibtex([])).toBe('');
  });

  it('parses back whatever the title, authors and tags hold', () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1 }).filter((s) => /[^\s\p{Cc}]/u.test(s));
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 3 }), fc.array(text, { maxLength: 3 }), (title, authors, tags) => {
        const bib = toBibtex([entry({ title, authors, tags })]);
        expectBracesBalancedPerEntry(bib);
        const [parsed] = parseBib(bib);
        expect(parsed!.fields.title).toBe(title.replace(/[\p{Cc}\s]+/gu, ' ').trim());
      }),
      { numRuns: 200 },
    );
  });
});

describe('citationKeys', () => {
  it.each([
    ['the first author, year and first title word', {}, 'chen2024idaligner'],
    ['a name written last name first', { authors: ['Chen, Weifeng'] }, 'chen2024idaligner'],
    ['diacritics folded', { authors: ['José Müller'] }, 'muller2024idaligner'],
    ['letters that do not decompose', { authors: ['Bernt Øksendal'], title: 'Straße' }, 'oksendal2024strasse'],
    ['a suffix skipped', { authors: ['Martin Luther King Jr.'] }, 'king2024idaligner'],
    ['a name in Chinese after the Latin one', { authors: ['Weifeng Chen (陈伟锋)'] }, 'chen2024idaligner'],
    ['a Chinese name dropped', { authors: ['李明'] }, 'paper2024idaligner'],
    ['no authors', { authors: [] }, 'paper2024idaligner'],
    ['a leading article skipped', { title: 'A Survey on Diffusion Models' }, 'chen2024survey'],
    ['a Greek letter dropped', { title: 'PixArt-Σ: Weak-to-Strong' }, 'chen2024pixart'],
    ['a number skipped', { title: '50% of Braces' }, 'chen2024braces'],
    ['a Chinese title left out', { title: '中文标题' }, 'chen2024'],
    ['an old-style id', { arxivId: 'hep-th/9901001', authors: ['Juan Maldacena'], title: 'The Large N Limit' }, 'maldacena1999large'],
  ])('makes a key from %s', (_, fields, key) => {
    const paper = entry(fields);
    expect(citationKeys([paper]).get(paper.key)).toBe(key);
  });

  const sameKey = [
    entry({ arxivId: '2404.00003', savedAt: 3 }),
    entry({ arxivId: '2404.00001', savedAt: 1 }),
    entry({ arxivId: '2404.00002', savedAt: 2 }),
    entry({ arxivId: '2404.00004', savedAt: 2 }),
  ];
  const expected = new Map([
    ['arxiv:2404.00001', 'chen2024idaligner'],
    ['arxiv:2404.00002', 'chen2024idalignera'],
    ['arxiv:2404.00004', 'chen2024idalignerb'],
    ['arxiv:2404.00003', 'chen2024idalignerc'],
  ]);

  it.each([
    ['as saved', sameKey],
    ['reversed', [...sameKey].reverse()],
    ['shuffled', [sameKey[2]!, sameKey[0]!, sameKey[3]!, sameKey[1]!]],
  ])('suffixes colliding keys in order of saving, whatever the list order (%s)', (_, entries) => {
    expect(new Map([...citationKeys(entries)].sort())).toEqual(new Map([...expected].sort()));
    const bib = toBibtex(entries);
    expect(parseBib(bib).map((e) => e.key).sort()).toEqual([...expected.values()].sort());
  });

  it('never gives a suffixed key that is another paper’s plain key', () => {
    const entries = [entry({ arxivId: '2404.00001', title: '中文', savedAt: 1 }), entry({ arxivId: '2404.00002', title: '标题', savedAt: 2 }), entry({ arxivId: '2404.00003', title: 'A', savedAt: 3 })];
    expect([...citationKeys(entries).values()]).toEqual(['chen2024', 'chen2024b', 'chen2024a']);
  });

  it('runs past z', () => {
    const entries = Array.from({ length: 30 }, (_, i) => entry({ arxivId: `2404.${String(i).padStart(5, '0')}`, savedAt: i }));
    const keys = [...citationKeys(entries).values()];
    expect(new Set(keys).size).toBe(30);
    expect(keys.slice(25)).toEqual(['chen2024idalignery', 'chen2024idalignerz', 'chen2024idaligneraa', 'chen2024idalignerab', 'chen2024idalignerac']);
  });
});

describe('paperToBibtex', () => {
  it('writes one paper exactly as the reading list export writes it', () => {
    const saved = entry();
    expect(paperToBibtex({ arxivId: saved.arxivId, title: saved.title, authors: saved.authors, url: saved.url }, saved.savedAt)).toBe(toBibtex([saved]));
  });

  it('cites a paper without authors or id by its title and the year given', () => {
    const [parsed] = parseBib(paperToBibtex({ arxivId: null, title: 'A Workshop Paper' }, Date.UTC(2025, 5, 1)));
    expect(parsed!.fields.title).toBe('A Workshop Paper');
    expect(parsed!.fields.year).toBe('2025');
  });
});
