import { readingListKey } from '../../lib/reading-list/entry-key';
import type { ReadingListEntry } from '../../lib/reading-list/reading-list-entry';

/** A saved ID-Aligner, with any field replaced; the key follows the id and title given. */
export function readingListEntry(fields: Partial<ReadingListEntry> = {}): ReadingListEntry {
  const paper = {
    arxivId: '2404.15449',
    version: 1,
    title: 'ID-Aligner: Enhancing Identity-Preserving Text-to-Image Generation with Reward Feedback Learning',
    authors: ['Weifeng Chen', 'Jiacheng Zhang', 'Jie Wu'],
    url: 'https://arxiv.org/abs/2404.15449v1',
    source: 'card' as const,
    savedAt: Date.UTC(2024, 4, 1),
    updatedAt: Date.UTC(2024, 4, 1),
    status: 'to-read' as const,
    note: '',
    tags: [],
    ...fields,
  };
  return { key: readingListKey(paper)!, ...paper };
}
