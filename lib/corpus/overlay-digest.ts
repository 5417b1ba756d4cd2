import { chosenIndex, combineField, DIGEST_FIELDS, type DigestFieldName, type DigestFieldValue } from '../digest/digest-schema';
import type { CorpusPaper } from './corpus-schema';

/**
 * One paper's digest with a newer one laid over it: each field combines as `DIGEST_FIELDS` says,
 * so a field the new digest fills replaces the old one, and the fields it leaves empty keep what
 * was known (a weekly overview, which has no 中文 summary, must not erase the daily digest's).
 * Provenance, versions and taxonomy links are the union of both. What follows a field (the
 * abstract's HTML, the uncertain marks in it) comes from the digest the field was taken from.
 */
export function overlayDigest(base: CorpusPaper, incoming: CorpusPaper): CorpusPaper {
  // Per field: true when the old digest's value stood, false when the new one's did, null for a union.
  const fromBase = new Map<string, boolean | null>();
  const fields = Object.fromEntries(
    (Object.keys(DIGEST_FIELDS) as DigestFieldName[]).map((name) => {
      const values = [incoming[name], base[name]] as DigestFieldValue<typeof name>[];
      const chosen = chosenIndex(name, values, 'overlay');
      fromBase.set(name, chosen === -1 ? null : chosen === 1);
      return [name, chosen === -1 ? combineField(name, values, 'overlay') : values[chosen]];
    }),
  ) as Pick<CorpusPaper, DigestFieldName>;
  const provenance = [...base.provenance];
  for (const record of incoming.provenance) {
    if (!provenance.some((known) => known.sourceFile === record.sourceFile && known.line === record.line)) provenance.push(record);
  }
  const versions = [...new Set([...base.versions, ...incoming.versions])].sort((a, b) => a - b);
  // Marks name their field as a path: `takeaways/2`, `chatPaper/method/0`.
  const markFromBase = (mark: { field: string }) => fromBase.get(mark.field.split('/')[0]!);
  return {
    arxivId: base.arxivId,
    version: versions.at(-1) ?? incoming.version ?? base.version,
    versions,
    ...fields,
    abstractHtml: fromBase.get('abstract') ? base.abstractHtml : incoming.abstractHtml,
    provenance,
    taxonomyEntryIds: [...new Set([...base.taxonomyEntryIds, ...incoming.taxonomyEntryIds])],
    uncertain: [...base.uncertain.filter((mark) => markFromBase(mark) !== false), ...incoming.uncertain.filter((mark) => markFromBase(mark) !== true)],
  };
}
