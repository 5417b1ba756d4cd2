/**
 * Merging of entries that describe the same arXiv paper (same id, possibly
 * different versions, from weekly and/or daily digests).
 */
import { combineField, DIGEST_FIELDS, type DigestFieldName, type DigestFieldValue } from './digest-schema';
import type { DigestEntry } from './types';

/**
 * Merges entries sharing an arXiv id. Each field combines as `DIGEST_FIELDS`
 * says: the richest value wins (longest text, longest list, most complete
 * ChatPaper notes; ties prefer the entry with the higher version, then the
 * earlier one), or every entry's items are kept (screenshots). Every provenance
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
    // Cloned in one call, not field by field: an import merges ten thousand entries.
    const fields = structuredClone(
      Object.fromEntries((Object.keys(DIGEST_FIELDS) as DigestFieldName[]).map((name) => [name, combineField(name, ranked.map((e) => e[name] as DigestFieldValue<typeof name>), 'merge')])),
    ) as Pick<DigestEntry, DigestFieldName>;
    out.push({
      arxivId,
      version: sortedVersions.length === 0 ? null : (sortedVersions[sortedVersions.length - 1] ?? null),
      versions: sortedVersions,
      ...fields,
      provenance: group.flatMap((e) => e.provenance.map((p) => ({ ...p }))),
    });
  }
  return out;
}
