import { describe, expect, it } from 'vitest';
import type { CorpusPaper, UncertainMark } from '../../../lib/corpus';
import { overlayDigest as mergeDigest } from '../../../lib/corpus/overlay-digest';
import { planImport, type RejectedFile } from '../../../lib/import/plan-import';
import { foldImports } from '../../../lib/store/import-store';
import { prepareImportFile, type PreparedFile } from '../../../lib/import/prepare-import-file';
import type { ImportedPaperRow } from '../../../lib/store/database';
import { DAILY, fixtureText, PAG_TITLE, WEEKLY, weeklyText } from './helpers';

const context = { taxonomyEntries: [], repairModel: null };
const prepare = (file: string, text: string) => prepareImportFile(file, text, context);
const daily = () => prepare(DAILY, fixtureText(DAILY));
const weekly = () => prepare(WEEKLY, fixtureText(WEEKLY));
const DAILY_IDS = ['2405.12001', '2405.12002', '2405.12003'];
const BATCH = { id: 'batch-1', importedAt: Date.UTC(2024, 5, 1) };
const LATER = { id: 'batch-2', importedAt: Date.UTC(2024, 5, 2) };

/** A weekly overview that lists 2405.12001 again, as v2 with a revised abstract and no 中文 summary. */
const PAG_WEEKLY = 'weekly-2024-05-28.txt';
const PAG_V2_ABSTRACT = 'Revised abstract: perturbed-attention guidance steers sampling away from a degraded prediction built by swapping self-attention maps for the identity.';
const pagWeekly = () => prepare(PAG_WEEKLY, weeklyText([{ arxivId: '2405.12001', version: 2, title: PAG_TITLE, abstract: PAG_V2_ABSTRACT }]));

/** What the user sees after an import: its rows, by paper. */
const visible = (rows: readonly ImportedPaperRow[]) => new Map<string, CorpusPaper>(rows.map((row) => [row.arxivId, row]));
const rejected: RejectedFile = { file: 'binary.bin', error: 'this is binary data, not UTF-8 text; digest files are plain text' };

describe('planImport', () => {
  it('adds every paper nobody has, with the import it came with', () => {
    const { batch, rows } = planImport([daily()], new Map(), BATCH);
    expect(batch.files).toEqual([{ file: DAILY, status: 'imported', error: null, kind: 'daily', added: DAILY_IDS, updated: [], skipped: [], warnings: [], notes: [], titles: expect.any(Object) }]);
    // The report names each paper by its title beside its id.
    expect(Object.keys(batch.files[0]!.titles!)).toEqual(DAILY_IDS);
    expect(batch.files[0]!.titles![DAILY_IDS[0]!]).toBe(rows[0]!.title);
    expect(rows.map((row) => row.arxivId)).toEqual(DAILY_IDS);
    for (const row of rows) expect(row.imported).toEqual({ batchId: 'batch-1', file: DAILY, importedAt: BATCH.importedAt });
    expect(batch).toMatchObject({ id: 'batch-1', importedAt: BATCH.importedAt, papers: 3 });
  });

  it('keeps each paper of the file as it was prepared', () => {
    const prepared = daily();
    const { rows } = planImport([prepared], new Map(), BATCH);
    expect(rows.map(({ imported: _, ...paper }) => paper)).toEqual(prepared.papers);
  });

  it('skips every paper when the same digest is imported again, and writes nothing', () => {
    const first = planImport([daily()], new Map(), BATCH);
    const again = planImport([daily()], visible(first.rows), LATER);
    expect(again.rows).toEqual([]);
    expect(again.batch.papers).toBe(0);
    expect(again.batch.files[0]).toMatchObject({ status: 'imported', added: [], updated: [] });
    expect(again.batch.files[0]!.skipped).toEqual(
      DAILY_IDS.map((arxivId) => ({ arxivId, line: expect.any(Number), reason: 'already known, with nothing new in this file' })),
    );
  });

  it('updates a paper with a daily digest from a weekly entry, keeping the 中文 summary the weekly lacks', () => {
    const first = planImport([daily()], new Map(), BATCH);
    const before = first.rows.find((row) => row.arxivId === '2405.12001')!;
    const { batch, rows } = planImport([pagWeekly()], visible(first.rows), LATER);
    expect(batch.files[0]).toMatchObject({ kind: 'weekly', added: [], updated: ['2405.12001'], skipped: [] });
    expect(rows).toHaveLength(1);
    // The row holds what the weekly said, and nothing of the earlier import (issue 13: removing that
    // import must take its summary with it); the user sees both imports folded.
    expect(rows[0]!.summaryZh).toBeNull();
    const row = foldImports([...first.rows, ...rows], new Map()).get('2405.12001')!;
    expect(row.summaryZh).toBe(before.summaryZh);
    expect(row.summaryZh).toContain('扰动注意力引导');
    expect(row).toMatchObject({ takeaways: before.takeaways, chatPaper: before.chatPaper, authors: before.authors, screenshots: before.screenshots, venue: before.venue });
    expect(row).toMatchObject({ abstract: PAG_V2_ABSTRACT, version: 2, versions: [1, 2] });
    expect(row.provenance.map((p) => [p.sourceFile, p.kind])).toEqual([
      [DAILY, 'daily'],
      [PAG_WEEKLY, 'weekly'],
    ]);
    expect(row.imported).toEqual({ batchId: 'batch-2', file: PAG_WEEKLY, importedAt: LATER.importedAt });
  });

  it('merges a paper two files of one import share, and skips the second copy of the same digest', () => {
    const { batch, rows } = planImport([daily(), daily()], new Map(), BATCH);
    expect(rows.map((row) => row.arxivId)).toEqual(DAILY_IDS);
    expect(batch.papers).toBe(3);
    expect(batch.files[1]).toMatchObject({ added: [], updated: [] });
    expect(batch.files[1]!.skipped.map((s) => [s.arxivId, s.reason])).toEqual(DAILY_IDS.map((id) => [id, `also in ${DAILY}, with nothing more`]));
  });

  it('merges a paper two files of one import share into one row, the second file reporting it updated', () => {
    const { batch, rows } = planImport([daily(), pagWeekly()], new Map(), BATCH);
    expect(batch.files.map((file) => [file.file, file.added, file.updated])).toEqual([
      [DAILY, DAILY_IDS, []],
      [PAG_WEEKLY, [], ['2405.12001']],
    ]);
    expect(rows).toHaveLength(3);
    const pag = rows.find((row) => row.arxivId === '2405.12001')!;
    expect(pag.provenance.map((p) => p.sourceFile)).toEqual([DAILY, PAG_WEEKLY]);
    expect(pag.summaryZh).toContain('扰动注意力引导');
    expect(pag.abstract).toBe(PAG_V2_ABSTRACT);
    // The row is the first file's: the import brought the paper with it.
    expect(pag.imported.file).toBe(DAILY);
  });

  it('reports a rejected file with its reason, and takes no row from it', () => {
    const { batch, rows } = planImport([rejected, weekly()], new Map(), BATCH);
    expect(batch.files[0]).toEqual({ file: 'binary.bin', status: 'rejected', error: rejected.error, kind: null, added: [], updated: [], skipped: [], warnings: [], notes: [] });
    expect(batch.files[1]).toMatchObject({ status: 'imported', added: ['2405.12004', '2405.12005'] });
    expect(rows.map((row) => row.imported.file)).toEqual([WEEKLY, WEEKLY]);
  });

  it('plans nothing when every file was rejected', () => {
    const { batch, rows } = planImport([rejected, { file: 'empty.txt', error: 'the file is empty' }], new Map(), BATCH);
    expect(rows).toEqual([]);
    expect(batch.files.map((file) => file.status)).toEqual(['rejected', 'rejected']);
    expect(batch).toMatchObject({ papers: 0, titles: [] });
  });

  it('lists the title of every row it writes, and only those', () => {
    const first = planImport([daily()], new Map(), BATCH);
    const { batch, rows } = planImport([daily(), weekly(), pagWeekly()], visible(first.rows), LATER);
    expect(rows.map((row) => row.arxivId)).toEqual(['2405.12004', '2405.12005', '2405.12001']);
    expect(batch.titles).toEqual(rows.map((row) => ({ title: row.title, arxivId: row.arxivId })));
    expect(batch.titles.map((t) => t.title)).toContain(PAG_TITLE);
  });

  it('carries the entries the parser skipped and the notes of each file into its report', () => {
    const file: PreparedFile = {
      ...weekly(),
      skipped: [{ line: 9, reason: 'entry "X" skipped: no link' }],
      warnings: [{ line: 12, message: "expected a '**Key Takeaways**' list" }],
      notes: ['repaired as mojibake: 3 damaged characters restored, 0 of them marked uncertain'],
    };
    const report = planImport([file], new Map(), BATCH).batch.files[0]!;
    expect(report.skipped).toEqual([{ arxivId: null, line: 9, reason: 'entry "X" skipped: no link' }]);
    expect(report.warnings).toEqual(file.warnings);
    expect(report.notes).toEqual(file.notes);
  });
});

describe('mergeDigest', () => {
  const base = () => daily().papers[0]!;
  const incoming = () => pagWeekly().papers[0]!;

  it.each<[keyof CorpusPaper, CorpusPaper[keyof CorpusPaper]]>([
    ['summaryZh', null],
    ['summaryZh', ''],
    ['takeaways', []],
    ['chatPaper', null],
    ['venue', null],
    ['authors', []],
    ['screenshots', []],
  ])('keeps %s when the new digest leaves it empty (%j)', (key, empty) => {
    const old = base();
    const merged = mergeDigest(old, { ...incoming(), [key]: empty });
    expect(merged[key]).toEqual(old[key]);
  });

  it('takes every field the new digest fills', () => {
    const newer = { ...incoming(), summaryZh: '新的总结', takeaways: ['新要点'], venue: 'NeurIPS 2024', authors: ['A. Author'] };
    expect(mergeDigest(base(), newer)).toMatchObject({ summaryZh: '新的总结', takeaways: ['新要点'], venue: 'NeurIPS 2024', authors: ['A. Author'], abstract: PAG_V2_ABSTRACT });
  });

  it('keeps the abstract and its HTML together when the new abstract is blank', () => {
    const old = base();
    const merged = mergeDigest(old, { ...incoming(), abstract: '  ', abstractHtml: '' });
    expect([merged.abstract, merged.abstractHtml]).toEqual([old.abstract, old.abstractHtml]);
  });

  it('unites versions (newest wins), provenance and taxonomy links without duplicates', () => {
    const old = { ...base(), versions: [1, 3], version: 3, taxonomyEntryIds: ['a#1'] };
    const merged = mergeDigest(old, { ...incoming(), taxonomyEntryIds: ['b#1', 'a#1'] });
    expect(merged).toMatchObject({ versions: [1, 2, 3], version: 3, taxonomyEntryIds: ['a#1', 'b#1'] });
    expect(mergeDigest(merged, incoming()).provenance).toEqual(merged.provenance);
  });

  it('is the identity for a digest merged with itself', () => {
    const paper = base();
    expect(mergeDigest(paper, structuredClone(paper))).toEqual(paper);
  });

  describe('uncertain marks follow the field they point into', () => {
    /** A mark on the first character of a field (a `/`-path, as the build writes it). */
    const markAt = (paper: CorpusPaper, field: string): UncertainMark => {
      const value = field.split('/').reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], paper);
      return { field, index: 0, chosen: [...(value as string)][0]!, alternatives: ['?'] };
    };
    const pointsAtItsCharacter = (paper: CorpusPaper, mark: UncertainMark) => {
      const value = mark.field.split('/').reduce<unknown>((at, key) => (at as Record<string, unknown> | null)?.[key], paper);
      return typeof value === 'string' && [...value][mark.index] === mark.chosen;
    };

    it('drops the old marks of a field the new digest replaces, and keeps the new ones', () => {
      const old = base();
      old.uncertain = [markAt(old, 'title'), markAt(old, 'abstract')];
      const newer = incoming();
      newer.uncertain = [markAt(newer, 'abstract')];
      const merged = mergeDigest(old, newer);
      expect(merged.uncertain).toEqual([markAt(newer, 'abstract')]);
      expect(merged.uncertain.every((mark) => pointsAtItsCharacter(merged, mark))).toBe(true);
    });

    it('keeps the old mark of a top-level field the new digest leaves empty', () => {
      const old = base();
      old.uncertain = [markAt(old, 'summaryZh')];
      expect(mergeDigest(old, incoming()).uncertain).toEqual([markAt(old, 'summaryZh')]);
    });

    // Marks name nested fields with `/` (lib/corpus/uncertain-marks.ts): `takeaways/2`, `chatPaper/method/0`.
    it.each(['takeaways/0', 'chatPaper/summary/0', 'chatPaper/titleZh', 'authors/1'])(
      'keeps the old mark on %s when the new digest leaves that field empty',
      (field) => {
        const old = base();
        old.uncertain = [markAt(old, field)];
        const merged = mergeDigest(old, incoming());
        expect(pointsAtItsCharacter(merged, old.uncertain[0]!)).toBe(true);
        expect(merged.uncertain).toEqual(old.uncertain);
      },
    );
  });
});
