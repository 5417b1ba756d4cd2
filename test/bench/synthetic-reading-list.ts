import { READING_LIST_FILE_FORMAT, READING_LIST_FILE_VERSION } from '../../lib/reading-list/export-json';
import type { ReadingListEntry } from '../../lib/reading-list/reading-list-entry';

const WORDS = ['Diffusion', 'Latent', 'Consistency', 'Guided', 'Video', 'Identity', 'Score', 'Flow', 'Matching', 'Transformer', 'Editing', 'Personalized', 'Sampling', 'Distillation', 'Control', 'Reward'];
const SURNAMES = ['Chen', 'Wang', 'Zhang', 'Li', 'Liu', 'Smith', 'Müller', 'García', 'Kim', 'Nguyen', 'Rossi', 'Saenko'];
const GIVEN = ['Wei', 'Anna', 'Jun', 'Maria', 'Kai', 'Lena', 'Ravi', 'Yu'];
const TAGS = ['video', 'editing', 'identity', 'rlhf', 'sampling', 'to-cite', 'survey'];
const STATUSES = ['to-read', 'reading', 'done'] as const;

/**
 * `count` reading-list entries that look like a researcher's: arXiv ids from 2019 on, titles of
 * five to twelve words, one to six authors whose first names often collide (so BibTeX keys need
 * suffixes), a few tags, a status, some notes. Deterministic for a given count.
 */
export function syntheticReadingList(count: number, now = Date.UTC(2026, 0, 1)): ReadingListEntry[] {
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const month = 1 + (i % 12);
    const arxivId = `${19 + Math.floor(i / 1200) % 8}${String(month).padStart(2, '0')}.${String(10_000 + i).padStart(5, '0')}`;
    const title = Array.from({ length: 5 + Math.floor(random() * 8) }, () => pick(WORDS)).join(' ');
    const savedAt = now - (count - i) * 3_600_000;
    return {
      key: `arxiv:${arxivId}`,
      arxivId,
      version: 1,
      title: `${title} ${i}`,
      authors: Array.from({ length: 1 + Math.floor(random() * 6) }, () => `${pick(GIVEN)} ${pick(SURNAMES)}`),
      url: `https://arxiv.org/abs/${arxivId}`,
      source: 'card' as const,
      savedAt,
      updatedAt: savedAt,
      status: pick(STATUSES),
      note: random() < 0.2 ? `读第 ${1 + (i % 5)} 节` : '',
      tags: random() < 0.5 ? [...new Set([pick(TAGS), pick(TAGS)])] : [],
    };
  });
}

/** The entries as the reading list's JSON file, which the side panel's import reads. */
export function syntheticReadingListJson(count: number): string {
  return JSON.stringify({ format: READING_LIST_FILE_FORMAT, version: READING_LIST_FILE_VERSION, exportedAt: new Date(0).toISOString(), entries: syntheticReadingList(count) });
}
