/**
 * The part of Zotero's item schema the loopback connector checks items against. Item types and
 * creator types are those `zotero-types` 4.1.3 lists (`types/xpcom/data/item.d.ts`); the fields
 * and creator types valid for a preprint are zotero-schema's `schema.json` (version 22). The
 * `zotero-types` package cannot be a dev dependency here: it depends on two GitHub tarballs
 * (`epubjs`, `pdfjs-dist` forks) that only the npm registry's mirror of GitHub could fetch.
 */
export const ZOTERO_ITEM_TYPES = new Set([
  'annotation', 'artwork', 'attachment', 'audioRecording', 'bill', 'blogPost', 'book', 'bookSection', 'case',
  'computerProgram', 'conferencePaper', 'dataset', 'dictionaryEntry', 'document', 'email', 'encyclopediaArticle',
  'film', 'forumPost', 'hearing', 'instantMessage', 'interview', 'journalArticle', 'letter', 'magazineArticle',
  'manuscript', 'map', 'newspaperArticle', 'note', 'patent', 'podcast', 'preprint', 'presentation',
  'radioBroadcast', 'report', 'standard', 'statute', 'thesis', 'tvBroadcast', 'videoRecording', 'webpage',
]);

/** Fields and creator types by item type; only the types this extension writes are spelled out. */
export const ZOTERO_TYPE_SCHEMA: Record<string, { fields: Set<string>; creatorTypes: Set<string> }> = {
  preprint: {
    fields: new Set([
      'title', 'abstractNote', 'genre', 'repository', 'archiveID', 'place', 'date', 'series', 'seriesNumber', 'DOI',
      'citationKey', 'url', 'accessDate', 'archive', 'archiveLocation', 'shortTitle', 'language', 'libraryCatalog',
      'callNumber', 'rights', 'extra',
    ]),
    creatorTypes: new Set(['author', 'contributor', 'editor', 'reviewedAuthor', 'translator']),
  },
};

/** Keys of the translator item format that are not fields: the item's links, notes, tags and attachments. */
export const ITEM_JSON_KEYS = new Set(['itemType', 'creators', 'tags', 'notes', 'attachments', 'seeAlso', 'id', 'collections', 'relations']);

/**
 * What is wrong with one item, as Zotero's item schema sees it; empty when nothing is. Real Zotero
 * drops an unknown field with a warning in its debug log; this check fails the save instead, so a
 * test sees what a user would silently lose.
 */
export function zoteroItemProblems(item: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const type = item.itemType;
  if (typeof type !== 'string' || !ZOTERO_ITEM_TYPES.has(type)) return [`unknown itemType ${JSON.stringify(type)}`];
  const schema = ZOTERO_TYPE_SCHEMA[type];
  if (!schema) return [`the test schema does not describe ${type}`];
  for (const [key, value] of Object.entries(item)) {
    if (ITEM_JSON_KEYS.has(key)) continue;
    if (!schema.fields.has(key)) problems.push(`${key} is not a field of ${type}`);
    else if (typeof value !== 'string') problems.push(`${key} is not a string`);
  }
  if (typeof item.title !== 'string' || item.title.trim() === '') problems.push('no title');
  for (const creator of (item.creators as Record<string, unknown>[] | undefined) ?? []) {
    if (!schema.creatorTypes.has(String(creator.creatorType))) problems.push(`creatorType ${String(creator.creatorType)} is not valid for ${type}`);
    const split = typeof creator.lastName === 'string' && typeof creator.firstName === 'string';
    const single = typeof creator.name === 'string' && creator.lastName === undefined && creator.firstName === undefined;
    if (!split && !single) problems.push(`creator ${JSON.stringify(creator)} is neither first/last nor a single name`);
  }
  for (const tag of (item.tags as unknown[] | undefined) ?? []) {
    if (typeof tag !== 'string' && typeof (tag as { tag?: unknown }).tag !== 'string') problems.push(`tag ${JSON.stringify(tag)}`);
  }
  for (const note of (item.notes as unknown[] | undefined) ?? []) {
    if (typeof note !== 'string' && typeof (note as { note?: unknown }).note !== 'string') problems.push(`note ${JSON.stringify(note)}`);
  }
  return problems;
}
