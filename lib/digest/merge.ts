/**
 * Merging of entries that describe the same arXiv paper (same id, possibly
 * different versions, from weekly and/or daily digests).
 */
import type { ChatPaperNotes, DigestEntry } from './types';

function chatPaperRichness(notes: ChatPaperNotes | null): number {
  if (notes === null) return -1;
  const c = notes.conclusion;
  return (
    (notes.titleZh === null ? 0 : 1) +
    (notes.authors.length > 0 ? 1 : 0) +
    (notes.affiliation === null ? 0 : 1) +
    (notes.keywords.length > 0 ? 1 : 0) +
    (notes.urls === null ? 0 : 1) +
    notes.summary.length +
    notes.method.length +
    (c === null ? 0 : c.parts.length + [c.significance, c.innovation, c.performance, c.workload].filter((v) => v !== null).length)
  );
}

/**
 * Picks the richest value: candidates are pre-sorted by preference (highest
 * version first, then input order), and only a strictly richer value displaces
 * an earlier one, so ties go to the newer version.
 */
function richest<T>(candidates: readonly DigestEntry[], get: (e: DigestEntry) => T, score: (v: T) => number): T {
  let best = get(candidates[0] as DigestEntry);
  let bestScore = score(best);
  for (const e of candidates.slice(1)) {
    const v = get(e);
    const s = score(v);
    if (s > bestScore) {
      best = v;
      bestScore = s;
    }
  }
  return best;
}

const strLen = (s: string | null): number => (s === null ? -1 : s.trim().length);

/**
 * Merges entries sharing an arXiv id. For each field the richest value wins
 * (longest text, longest list, most complete ChatPaper notes; ties prefer the
 * entry with the higher version, then the earlier one). Every provenance
 * record is kept, `version` becomes the highest version seen and `versions`
 * the sorted union. Output order follows each id's first appearance; inputs
 * are not mutated.
 * @param entries entries from any number of parsed documents
 */
export function mergeDigestEntries(entries: readonly DigestEntry[]): DigestEntry[] {
  const groups = new Map<string, DigestEntry[]>();
  for (const e of entries) {
    const group = groups.get(e.arxivId);
    if (group === undefined) groups.set(e.arxivId, [e]);
    else group.push(e);
  }
  const out: DigestEntry[] = [];
  for (const [arxivId, group] of groups) {
    const order = new Map(group.map((e, i) => [e, i]));
    const ranked = [...group].sort(
      (a, b) => (b.version ?? 0) - (a.version ?? 0) || (order.get(a) ?? 0) - (order.get(b) ?? 0),
    );
    const versions = new Set<number>();
    for (const e of group) {
      for (const v of e.versions) versions.add(v);
      if (e.version !== null) versions.add(e.version);
      for (const p of e.provenance) if (p.version !== null) versions.add(p.version);
    }
    const sortedVersions = [...versions].sort((a, b) => a - b);
    out.push({
      arxivId,
      version: sortedVersions.length === 0 ? null : (sortedVersions[sortedVersions.length - 1] ?? null),
      versions: sortedVersions,
      title: richest(ranked, (e) => e.title, strLen),
      authors: [...richest(ranked, (e) => e.authors, (a) => a.length)],
      abstract: richest(ranked, (e) => e.abstract, strLen),
      venue: richest(ranked, (e) => e.venue, strLen),
      summaryZh: richest(ranked, (e) => e.summaryZh, strLen),
      takeaways: [...richest(ranked, (e) => e.takeaways, (t) => t.length)],
      chatPaper: richest(ranked, (e) => e.chatPaper, chatPaperRichness),
      screenshots: [...new Set(group.flatMap((e) => e.screenshots))],
      provenance: group.flatMap((e) => e.provenance.map((p) => ({ ...p }))),
    });
  }
  return out;
}
