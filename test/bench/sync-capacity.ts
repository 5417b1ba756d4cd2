/**
 * How many reading-list entries fit in the browser's sync storage (`storage.sync`, 102,400 bytes),
 * packed as the sync packs them: realistic entries (an arXiv key, a paper title, a status, one or
 * two tags, change times) with notes of 100 characters, in English and in Chinese, as the
 * synthetic corpus writes abstracts and summaries. `npm run bench` prints it as `syncCapacity`;
 * `npx tsx test/bench/sync-capacity.ts` alone.
 */
import { READING_STATUSES } from '../../lib/reading-list/reading-list-entry';
import { packForSync, SYNC_QUOTA } from '../../lib/sync/sync-codec';
import { newRecord, recordAfterLocalChange, type SyncRecord } from '../../lib/sync/sync-record';
import { mulberry32, syntheticCorpus } from './synthetic-corpus';

const TAGS = ['to-cite', 'identity', 'video', 'distillation', 'survey', '3d', 'reward', 'editing'];

/** `count` entries saved over a year on one device, each later edited (status, tags, note). */
function entries(count: number, note: (i: number) => string): SyncRecord[] {
  const random = mulberry32(17);
  const { papers } = syntheticCorpus(count);
  const start = Date.UTC(2025, 11, 1);
  return papers.map((paper, i) => {
    const saved = { t: start + Math.floor(random() * 3e10), d: 'k3v9q2x7' };
    const edited = { t: saved.t + Math.floor(random() * 1e9), d: 'k3v9q2x7' };
    const key = `arxiv:24${String(1 + Math.floor(random() * 12)).padStart(2, '0')}.${String(Math.floor(random() * 99999)).padStart(5, '0')}-${i}`;
    const record = newRecord({ key, title: paper.title, savedAt: saved.t, status: 'to-read', tags: [], note: '' }, saved);
    const tags = [TAGS[Math.floor(random() * TAGS.length)]!, ...(random() < 0.5 ? [TAGS[Math.floor(random() * TAGS.length)]!] : [])];
    const entry = { key, arxivId: null, version: null, title: paper.title, authors: [], url: null, source: 'popup' as const, savedAt: saved.t, updatedAt: edited.t, status: READING_STATUSES[Math.floor(random() * 3)]!, tags: [...new Set(tags)], note: note(i) };
    return recordAfterLocalChange(record, entry, edited)!;
  });
}

/** The most entries of a kind that fit, and the bytes they take. */
async function fitting(note: (paper: { abstract: string; summaryZh: string | null }) => string): Promise<{ entries: number; bytes: number }> {
  const { papers } = syntheticCorpus(2000);
  const packed = await packForSync(entries(2000, (i) => note(papers[i]!)), SYNC_QUOTA.totalBytes - 256, 'k3v9q2x7', Date.UTC(2026, 11, 6));
  return { entries: packed.records.length, bytes: packed.bytes };
}

export async function syncCapacity(): Promise<Record<string, unknown>> {
  const english = await fitting((paper) => paper.abstract.slice(0, 100));
  const chinese = await fitting((paper) => (paper.summaryZh ?? '').repeat(4).slice(0, 100));
  const none = await fitting(() => '');
  return {
    quotaBytes: SYNC_QUOTA.totalBytes,
    entriesWith100CharEnglishNotes: english.entries,
    entriesWith100CharChineseNotes: chinese.entries,
    entriesWithoutNotes: none.entries,
    bytesUsed: english.bytes,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await syncCapacity()));
