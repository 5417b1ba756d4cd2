import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CorpusPaper } from '../../../lib/corpus';
import { planImport } from '../../../lib/import/plan-import';
import { prepareImportFile, type PreparedFile } from '../../../lib/import/prepare-import-file';
import { ImportStore } from '../../../lib/store/import-store';
import { fixtureText, DAILY } from '../import/helpers';
import { fakeDatabase } from '../../support/fake-database';

const base = prepareImportFile(DAILY, fixtureText(DAILY), { taxonomyEntries: [], repairModel: null }).papers[0]!;

/** One import of one paper: a digest whose fields say `tag` where the import says anything. */
function importOf(tag: string, says: { summary: boolean; abstract: boolean; takeaways: boolean }): PreparedFile {
  const paper: CorpusPaper = {
    ...structuredClone(base),
    summaryZh: says.summary ? `总结 ${tag}` : null,
    abstract: says.abstract ? `Abstract ${tag}` : '',
    abstractHtml: says.abstract ? `<span>Abstract ${tag}</span>` : '',
    takeaways: says.takeaways ? [`要点 ${tag}`] : [],
    provenance: [{ ...base.provenance[0]!, sourceFile: `${tag}.md` }],
    uncertain: [],
  };
  return { file: `${tag}.md`, kind: 'daily', papers: [paper], skipped: [], warnings: [], notes: [] };
}

/** Every string inside a value. */
const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];

const says = fc.record({ summary: fc.boolean(), abstract: fc.boolean(), takeaways: fc.boolean() });

describe('removing an import after later ones updated its papers', () => {
  it('leaves nothing of the removed import in the paper shown, in any order of imports and removals', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(says, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), async (imports, removals) => {
        const store = new ImportStore(fakeDatabase(`fold-${run++}`));
        const batches: string[] = [];
        for (const [i, what] of imports.entries()) {
          const current = await store.visiblePapers([base.arxivId]);
          const plan = planImport([importOf(`import${i}`, what)], current, { id: `batch-${i}`, importedAt: 1_000 + i });
          if (plan.rows.length === 0) continue;
          await store.commit(plan.batch, plan.rows);
          batches.push(plan.batch.id);
        }
        const removed = new Set<string>();
        for (const pick of removals) {
          const left = batches.filter((id) => !removed.has(id));
          if (left.length === 0) break;
          const id = left[pick % left.length]!;
          await store.remove(id);
          removed.add(id);
        }
        const shown = (await store.visiblePapers([base.arxivId])).get(base.arxivId);
        const text = strings(shown ?? {}).join('\n');
        for (const id of removed) expect(text).not.toContain(`import${id.replace('batch-', '')}`);
        // What remains is the fold of the remaining imports alone: the newest one that says a field gives it.
        const remaining = batches.filter((id) => !removed.has(id)).map((id) => Number(id.replace('batch-', '')));
        const newestSaying = (field: 'summary' | 'abstract' | 'takeaways') => remaining.filter((i) => imports[i]![field]).at(-1);
        const summary = newestSaying('summary');
        if (remaining.length === 0) expect(shown).toBeUndefined();
        else expect(shown?.summaryZh ?? null).toBe(summary === undefined ? null : `总结 import${summary}`);
        const abstract = newestSaying('abstract');
        if (abstract !== undefined) expect([shown?.abstract, shown?.abstractHtml]).toEqual([`Abstract import${abstract}`, `<span>Abstract import${abstract}</span>`]);
      }),
      { numRuns: 40 },
    );
  });

  it('shows an earlier import again, field by field, when the later one is removed', async () => {
    const store = new ImportStore(fakeDatabase('fold-example'));
    for (const [i, what] of [
      { summary: true, abstract: true, takeaways: true },
      { summary: false, abstract: false, takeaways: true },
    ].entries()) {
      const plan = planImport([importOf(`import${i}`, what)], await store.visiblePapers([base.arxivId]), { id: `batch-${i}`, importedAt: 1_000 + i });
      await store.commit(plan.batch, plan.rows);
    }
    const before = (await store.visiblePapers([base.arxivId])).get(base.arxivId)!;
    expect([before.summaryZh, before.takeaways, before.abstract]).toEqual(['总结 import0', ['要点 import1'], 'Abstract import0']);
    await store.remove('batch-0');
    const after = (await store.visiblePapers([base.arxivId])).get(base.arxivId)!;
    // Import 1 said nothing of the summary or the abstract: none of import 0's text may stay under its name.
    expect([after.summaryZh, after.takeaways, after.abstract, after.abstractHtml]).toEqual([null, ['要点 import1'], '', '']);
  });
});
