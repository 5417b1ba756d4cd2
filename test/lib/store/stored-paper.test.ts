import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { CorpusPaper } from '../../../lib/corpus';
import { renderLatexText, sanitizeRenderedHtml } from '../../../lib/latex';
import { declareSchema, type ImportedPaperRow } from '../../../lib/store/database';
import { ImportStore } from '../../../lib/store/import-store';
import { seedCorpus } from '../../../lib/store/seed-corpus';
import { readStoredPaper, toStoredPaper } from '../../../lib/store/stored-paper';
import { fakeDatabase, freshIndexedDb } from '../../support/fake-database';
import { projectCorpus } from '../../support/project-corpus';

const { corpus } = projectCorpus();
const sample = corpus.papers[0]!;

/** A paper whose abstract is `source` run through the build's pipeline, as the corpus and imports hold it. */
function paperWith(source: string, arxivId = sample.arxivId): CorpusPaper {
  const rendered = renderLatexText(source);
  return { ...structuredClone(sample), arxivId, abstract: rendered.plain, abstractHtml: sanitizeRenderedHtml(rendered.html) };
}

describe('toStoredPaper and readStoredPaper', () => {
  it.each([
    ['plain text', 'Diffusion models learn to denoise.', false],
    ['text with HTML specials', 'A < B & C > D, "quoted" and it\'s', false],
    ['no abstract', '', false],
    ['inline math', 'A bound of $\\mathcal{O}(n^2)$ holds.', true],
    ['emphasis', 'We propose \\textbf{FastSeed}.', true],
    ['a link', 'Code at \\url{https://example.org/code}.', true],
    ['math that falls back to text', 'A formula $\\kern-100em x$ too wide.', true],
  ])('%s: keeps abstractHtml %s, and reads back the paper as written', (_, source, kept) => {
    const paper = paperWith(source);
    const stored = toStoredPaper(paper);
    expect('abstractHtml' in stored).toBe(kept);
    expect(readStoredPaper(structuredClone(stored))).toEqual(paper);
  });

  it('reads a missing row as undefined, and a row an older release wrote (abstractHtml always there) as it is', () => {
    expect(readStoredPaper(undefined)).toBeUndefined();
    const older = { ...paperWith('plain'), abstractHtml: 'plain' };
    expect(readStoredPaper(structuredClone(older))).toEqual(older);
  });
});

describe('the papers and importedPapers tables', () => {
  const papers = [paperWith('Plain & simple <abstract>.', '2501.00001'), paperWith('With $x^2$ math.', '2501.00002'), paperWith('', '2501.00003')];

  it('give back seeded and imported papers as written, by every kind of read', async () => {
    const db = fakeDatabase();
    await seedCorpus(db, { ...corpus, papers });
    const rows: ImportedPaperRow[] = papers.map((paper) => ({ ...paper, title: `${paper.title} (imported)`, imported: { batchId: 'b1', file: 'f.md', importedAt: 1 } }));
    await new ImportStore(db).commit({ id: 'b1', importedAt: 1, files: [], papers: rows.length, titles: [] }, rows);
    const ids = papers.map((paper) => paper.arxivId);
    expect(await db.papers.toArray()).toEqual(papers);
    expect(await db.papers.bulkGet(ids)).toEqual(papers);
    expect(await db.papers.get(ids[0]!)).toEqual(papers[0]);
    expect(await db.papers.where('arxivId').anyOf(ids).toArray()).toEqual(papers);
    expect(await db.importedPapers.where('arxivId').anyOf(ids).toArray()).toEqual(rows);
    expect([...(await new ImportStore(db).visiblePapers(ids)).values()]).toEqual(rows);
  });

  it('store the abstract\'s HTML only where it is more than the abstract\'s text', async () => {
    const options = freshIndexedDb();
    const db = fakeDatabase('bytes', options);
    await seedCorpus(db, { ...corpus, papers });
    db.close();
    const raw = new Dexie('bytes', options);
    declareSchema(raw);
    expect((await raw.table('papers').toArray()).map((row: Partial<CorpusPaper>) => row.abstractHtml !== undefined)).toEqual([false, true, false]);
    raw.close();
  });

  it('read rows an older release wrote, with every abstractHtml, as they were', async () => {
    const options = freshIndexedDb();
    const older = new Dexie('older', options);
    declareSchema(older);
    const row: ImportedPaperRow = { ...papers[0]!, imported: { batchId: 'b0', file: 'old.md', importedAt: 0 } };
    await older.table('papers').bulkPut(papers);
    await older.table('importedPapers').put(row);
    older.close();
    const db = fakeDatabase('older', options);
    expect(await db.papers.toArray()).toEqual(papers);
    expect(await db.importedPapers.toArray()).toEqual([row]);
  });
});
