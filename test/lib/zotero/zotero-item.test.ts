import sanitizeHtml from 'sanitize-html';
import { describe, expect, it } from 'vitest';
import { CorpusLookup, type CorpusPaper } from '../../../lib/corpus';
import { digestNoteHtml, provenanceLine, zoteroItem, type ZoteroPaper } from '../../../lib/zotero/zotero-item';
import { projectCorpus } from '../../support/project-corpus';
import { readingListEntry } from '../../support/reading-list-entry';
import { zoteroItemProblems } from '../../support/zotero-schema';

const lookup = new CorpusLookup(projectCorpus().corpus);
const idAligner = lookup.byId('2404.15449');

function paper(fields: Partial<ZoteroPaper> = {}): ZoteroPaper {
  return { entry: readingListEntry({ tags: ['identity', 'reward'] }), digest: idAligner.digest, placements: idAligner.placements, ...fields };
}

/** The note's text as Zotero's note editor would show it, one line per block. */
function noteText(html: string): string {
  return html.replace(/<\/(p|h\d|li)>/g, '\n').replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('zoteroItem', () => {
  it('makes a preprint that Zotero’s schema accepts field for field', () => {
    const item = zoteroItem(paper(), 'item-1');
    expect(zoteroItemProblems(item as unknown as Record<string, unknown>)).toEqual([]);
    expect(item).toMatchObject({
      id: 'item-1',
      itemType: 'preprint',
      title: 'ID-Aligner: Enhancing Identity-Preserving Text-to-Image Generation with Reward Feedback Learning',
      date: '2024-04',
      url: 'https://arxiv.org/abs/2404.15449',
      repository: 'arXiv',
      archiveID: 'arXiv:2404.15449',
      DOI: '10.48550/arXiv.2404.15449',
      tags: [{ tag: 'identity' }, { tag: 'reward' }],
      attachments: [],
    });
    expect(item.creators.slice(0, 2)).toEqual([
      { creatorType: 'author', firstName: 'Weifeng', lastName: 'Chen' },
      { creatorType: 'author', firstName: 'Jiacheng', lastName: 'Zhang' },
    ]);
    expect(item.abstractNote).toBe(idAligner.digest!.abstract);
    expect(item.notes).toHaveLength(1);
  });

  it.each([
    ['first and last names', 'Weifeng Chen', { firstName: 'Weifeng', lastName: 'Chen' }],
    ['a particle with the surname', 'Ludwig van Beethoven', { firstName: 'Ludwig', lastName: 'van Beethoven' }],
    ['a name written last name first', 'Chen, Weifeng', { firstName: 'Weifeng', lastName: 'Chen' }],
    ['a suffix after the given names', 'Martin Luther King Jr.', { firstName: 'Martin Luther, Jr.', lastName: 'King' }],
    ['a Chinese name whole', '李明', { name: '李明' }],
    ['a name with a bracketed original whole', 'Weifeng Chen (陈伟锋)', { name: 'Weifeng Chen (陈伟锋)' }],
    ['an organisation whole', 'Tom and Jerry Lab', { name: 'Tom and Jerry Lab' }],
  ])('writes %s', (_, author, creator) => {
    const item = zoteroItem(paper({ entry: readingListEntry({ authors: [author] }) }), 'x');
    expect(item.creators).toEqual([{ creatorType: 'author', ...creator }]);
    expect(zoteroItemProblems(item as unknown as Record<string, unknown>)).toEqual([]);
  });

  it('takes the digest’s authors when the saved entry has none', () => {
    const item = zoteroItem(paper({ entry: readingListEntry({ authors: [] }) }), 'x');
    expect(item.creators).toHaveLength(idAligner.digest!.authors.length);
  });

  it('writes a paper without an arXiv id with its saved URL and no arXiv fields', () => {
    const item = zoteroItem(paper({ entry: readingListEntry({ arxivId: null, url: 'https://openreview.net/forum?id=abc', savedAt: Date.UTC(2023, 5, 1) }), digest: null, placements: [] }), 'x');
    expect(item).toMatchObject({ url: 'https://openreview.net/forum?id=abc', date: '2023', notes: [] });
    expect(item).not.toHaveProperty('DOI');
    expect(item).not.toHaveProperty('archiveID');
    expect(zoteroItemProblems(item as unknown as Record<string, unknown>)).toEqual([]);
  });

  it.each([
    ['a new-style id', '2404.15449', '2024-04'],
    ['an old-style id', 'hep-th/9901001', '1999-01'],
  ])('dates %s by its month of submission', (_, arxivId, date) => {
    expect(zoteroItem(paper({ entry: readingListEntry({ arxivId }), digest: null, placements: [] }), 'x').date).toBe(date);
  });
});

describe('digestNoteHtml', () => {
  const digest = idAligner.digest!;

  it('holds the 中文 summary, the takeaways, the reading notes, the taxonomy path and the provenance', () => {
    const text = noteText(digestNoteHtml(paper())!);
    expect(text).toContain(`一句话总结 ${digest.summaryZh}`);
    for (const takeaway of digest.takeaways) expect(text).toContain(`${takeaway}\n`);
    expect(text).toContain(digest.chatPaper!.titleZh!);
    expect(text).toContain(`机构：${digest.chatPaper!.affiliation}`);
    for (const part of digest.chatPaper!.summary) expect(text).toContain(part);
    for (const part of digest.chatPaper!.method) expect(text).toContain(part);
    expect(text).toContain('Text-to-Image › X-to-Image (more fine-grained than text-to-image) › Image › ID-Aligner (image + text)');
    expect(text).toContain('001_d39873fc5115af1d.txt:34, 2024-04-25, arXiv v1');
  });

  it('is HTML that a sanitiser keeps as it is: no page or digest text becomes markup', () => {
    const hostile = '<img src=x onerror=alert(1)> & "quotes" \'single\' <script>alert(2)</script>';
    const poisoned: CorpusPaper = {
      ...digest,
      title: hostile,
      summaryZh: hostile,
      takeaways: [hostile],
      chatPaper: { ...digest.chatPaper!, affiliation: hostile, urls: { ...digest.chatPaper!.urls!, github: 'https://github.com/a"onclick="x' } },
    };
    const html = digestNoteHtml(paper({ digest: poisoned }))!;
    const allowed = sanitizeHtml(html, {
      allowedTags: ['div', 'h1', 'h2', 'h3', 'p', 'ul', 'li', 'strong', 'em', 'a'],
      allowedAttributes: { div: ['data-schema-version'], a: ['href'] },
      allowedSchemes: ['http', 'https'],
    });
    // The sanitiser writes a quote in text as it is; everything else it leaves byte for byte.
    expect(allowed).toBe(html.replace(/&quot;/g, '"'));
    expect(html).not.toMatch(/<(img|script)/);
    expect(html).not.toContain('onclick');
    expect(noteText(html)).toContain(`一句话总结 ${hostile}`);
  });

  it('links a ChatPaper code URL only when it is plain http(s)', () => {
    const withCode: CorpusPaper = { ...digest, chatPaper: { ...digest.chatPaper!, urls: { ...digest.chatPaper!.urls!, github: 'https://github.com/x/y' } } };
    expect(digestNoteHtml(paper({ digest: withCode }))).toContain('<a href="https://github.com/x/y">https://github.com/x/y</a>');
  });

  it('says a paper known only from the taxonomy is so, and gives no note for a paper the corpus does not know', () => {
    expect(noteText(digestNoteHtml(paper({ digest: null }))!)).toContain('from the taxonomy only');
    expect(digestNoteHtml(paper({ digest: null, placements: [] }))).toBeNull();
  });

  it('names the import a digest came with', () => {
    expect(provenanceLine({ ...digest, imported: { file: 'my-digest.txt', importedAt: Date.UTC(2024, 5, 2) } })).toContain('imported from my-digest.txt on 2024-06-02');
  });
});
