/**
 * Runs in a plain Chromium page (bundled by browser-bench.ts): seeds a synthetic corpus into real
 * IndexedDB with the extension's own `seedCorpus`, and reports how long the writes and the whole
 * seed (with the search index) took.
 */
import type { Corpus } from '../../../lib/corpus';
import { CompanionDatabase } from '../../../lib/store/database';
import { seedCorpus } from '../../../lib/store/seed-corpus';
import { syntheticCorpus } from '../synthetic-corpus';

async function runSeedBench(papers: number, run: number): Promise<{ papers: number; rows: number; writeMs: number; totalMs: number }> {
  const corpus: Corpus = { ...syntheticCorpus(papers), schemaVersion: 1, hash: run.toString(16).padStart(64, '0'), sources: [] };
  const db = new CompanionDatabase(`seed-bench-${run}`);
  let rowsDoneAt = 0;
  const start = performance.now();
  const result = await seedCorpus(db, corpus, {
    onProgress: (written, total) => {
      if (written === total) rowsDoneAt = performance.now();
    },
  });
  const totalMs = performance.now() - start;
  db.close();
  await CompanionDatabase.delete(`seed-bench-${run}`);
  return { papers, rows: result.rows, writeMs: rowsDoneAt - start, totalMs };
}

(globalThis as { runSeedBench?: typeof runSeedBench }).runSeedBench = runSeedBench;
