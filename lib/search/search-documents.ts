import type { Corpus, CorpusPaper, CorpusTaxonomyEntry, CorpusTaxonomyNode } from '../corpus';
import { nameKey } from './tokenize';

/** What a search result points at: a paper with a digest, or a taxonomy entry with none. */
export type SearchDocumentKind = 'paper' | 'entry';

/**
 * One searchable document. Text fields are plain strings, ready for the tokenizer; the rest are
 * stored with the index so that a result can be listed without another database read.
 */
export interface SearchDocument {
  /** `paper:<arXiv id>` or `entry:<taxonomy entry id>`. */
  id: string;
  kind: SearchDocumentKind;
  arxivId: string | null;
  /** The taxonomy entry a result opens; the first placement for a paper, null when it has none. */
  entryId: string | null;
  title: string;
  titleZh: string;
  authors: string;
  /** Method names and their aliases, plus the name before a title's colon (`ID-Aligner`). */
  methods: string;
  keywords: string;
  /** The 中文 one-line summary and key takeaways; a taxonomy entry's notes. */
  summaryZh: string;
  abstract: string;
  /** Every placement path, joined. */
  path: string;
  /** The one-line summary shown under a result. */
  summary: string | null;
  /** The first placement's path, for display. */
  placement: string[];
  /** Every taxonomy node above the document's placements, for the subtree filter. */
  nodeIds: string[];
  /** The document's method names as {@link nameKey}s (`id aligner`), to rank a paper first when its name is the query. */
  methodKeys: string[];
}

/** The text fields, in the order they are indexed. */
export const SEARCH_FIELDS = ['title', 'titleZh', 'authors', 'methods', 'keywords', 'summaryZh', 'abstract', 'path'] as const;

/** The fields a result carries without a database read. */
export const STORED_FIELDS = ['kind', 'arxivId', 'entryId', 'title', 'summary', 'placement', 'nodeIds', 'methodKeys', 'authors'] as const;

/**
 * What the store's index keeps of each document: only what filtering and ranking read. What a
 * result shows (its title, summary, placement, authors) is read from the corpus tables for the hits
 * listed (see `displayFieldsOf`), which leaves the stored index a third smaller. A paper's arXiv id
 * is its document id; `entryArxivId` is a taxonomy entry's, and `savedTitle` the title by which a
 * taxonomy entry without an arXiv id is saved (the saved-only filter reads it).
 */
export const LEAN_STORED_FIELDS = ['kind', 'nodeIds', 'methodKeys', 'entryArxivId', 'savedTitle'] as const;

/** What a result shows of a document, read apart from the index (see {@link LEAN_STORED_FIELDS}). */
export type DisplayFields = Pick<SearchDocument, 'entryId' | 'summary' | 'placement'> & { title: string; authors: string | null };

const PATH_SEPARATOR = ' › ';
// `ID-Aligner: Enhancing …` names its method before the colon; long prefixes are sentences, not names.
const TITLE_METHOD = /^([^:：]{2,40})[:：]\s/;

/**
 * Turns a corpus into search documents: one per paper with a digest, and one per taxonomy entry
 * that no digest stands for (an entry linked to a digest is folded into that paper's document, so a
 * paper never shows up twice).
 */
export function searchDocumentsFromCorpus(corpus: Pick<Corpus, 'papers' | 'taxonomy'>): SearchDocument[] {
  const nodes = new Map(corpus.taxonomy.nodes.map((node) => [node.id, node]));
  const paperIds = new Set(corpus.papers.map((paper) => paper.arxivId));
  const documents = paperSearchDocuments(corpus.papers, corpus.taxonomy);

  for (const entry of corpus.taxonomy.entries) {
    if (entry.arxivIds.some((id) => paperIds.has(id))) continue;
    const methods = unique([entry.method, entry.heading, ...entry.aliases, ...entry.titles.flatMap(titleMethods)]);
    documents.push({
      id: `entry:${entry.id}`,
      kind: 'entry',
      arxivId: entry.arxivIds[0] ?? null,
      entryId: entry.id,
      title: entryTitle(entry),
      titleZh: '',
      authors: '',
      methods: methods.join('; '),
      keywords: entry.qualifiers.join('; '),
      summaryZh: [...entry.notes, ...entry.captions].join('\n'),
      abstract: '',
      path: entry.path.join(PATH_SEPARATOR),
      summary: entryDisplayFields(entry).summary,
      placement: entry.path,
      nodeIds: ancestorIds(entry.nodeId, nodes),
      methodKeys: methodKeys(methods),
    });
  }
  return documents;
}

// A note's own list number ("1. ", "2、") says nothing under a search result.
const LIST_NUMBER = /^\s*\(?\d{1,2}[.、)）]\s*/;
const SNIPPET_CHARS = 160;

/**
 * What a taxonomy entry's result shows under its title: its notes without their list numbers,
 * joined until there is a line's worth, so that "1. Imagen" becomes the notes that say what the
 * method does. Null when the entry has no notes.
 */
export function entrySnippet(notes: readonly string[]): string | null {
  let snippet = '';
  for (const note of notes) {
    const text = note.replace(LIST_NUMBER, '').trim();
    if (!text) continue;
    snippet = snippet ? `${snippet}; ${text}` : text;
    if (snippet.length >= SNIPPET_CHARS) break;
  }
  return snippet ? (snippet.length > SNIPPET_CHARS ? `${snippet.slice(0, SNIPPET_CHARS - 1)}…` : snippet) : null;
}

/**
 * One search document per paper, placed in the taxonomy by its links. Imported papers are added
 * to an index with this alone: the taxonomy entries they link to are already in it.
 */
export function paperSearchDocuments(papers: readonly CorpusPaper[], taxonomy: Pick<Corpus['taxonomy'], 'nodes' | 'entries'>): SearchDocument[] {
  const nodes = new Map(taxonomy.nodes.map((node) => [node.id, node]));
  const entries = new Map(taxonomy.entries.map((entry) => [entry.id, entry]));
  return papers.map((paper) => {
    const placed = paper.taxonomyEntryIds.map((id) => entries.get(id)!).filter(Boolean);
    const methods = unique([...titleMethods(paper.title), ...placed.flatMap((e) => [e.method, ...e.aliases])]);
    const shown = paperDisplayFields(paper, entries);
    return {
      id: `paper:${paper.arxivId}`,
      kind: 'paper',
      arxivId: paper.arxivId,
      entryId: shown.entryId,
      title: paper.title,
      titleZh: paper.chatPaper?.titleZh ?? '',
      authors: shown.authors ?? '',
      methods: methods.join('; '),
      keywords: [...(paper.chatPaper?.keywords ?? []), paper.chatPaper?.affiliation ?? ''].join('; '),
      summaryZh: [paper.summaryZh ?? '', ...paper.takeaways].join('\n'),
      abstract: paper.abstract,
      path: placed.map((e) => e.path.join(PATH_SEPARATOR)).join('\n'),
      summary: shown.summary,
      placement: shown.placement,
      nodeIds: unique(placed.flatMap((e) => ancestorIds(e.nodeId, nodes))),
      methodKeys: methodKeys(methods),
    };
  });
}

/** What a paper's result shows; `entries` are the taxonomy entries by id (those it links to, at least). */
export function paperDisplayFields(paper: CorpusPaper, entries: ReadonlyMap<string, Pick<CorpusTaxonomyEntry, 'id' | 'path'>>): DisplayFields {
  const placed = paper.taxonomyEntryIds.map((id) => entries.get(id)).find((entry) => entry !== undefined);
  return {
    entryId: placed?.id ?? null,
    title: paper.title,
    summary: paper.summaryZh,
    placement: placed?.path ?? [],
    authors: unique([...paper.authors, ...(paper.chatPaper?.authors ?? [])]).join('; ') || null,
  };
}

/** What a taxonomy entry's result shows: the first title its block gives, its notes as a snippet. */
export function entryDisplayFields(entry: CorpusTaxonomyEntry): DisplayFields {
  return { entryId: entry.id, title: entryTitle(entry).split('\n')[0]!, summary: entrySnippet([...entry.notes, ...entry.captions]), placement: entry.path, authors: null };
}

// A taxonomy entry indexes every title its block gives, one per line.
function entryTitle(entry: Pick<CorpusTaxonomyEntry, 'titles' | 'heading'>): string {
  return entry.titles.join('\n') || entry.heading;
}

/** The name a title gives its method before a colon: `InstructPix2Pix: Learning to …` → `InstructPix2Pix`. */
function titleMethods(title: string): string[] {
  const name = TITLE_METHOD.exec(title)?.[1];
  return name ? [name] : [];
}

function methodKeys(methods: readonly string[]): string[] {
  return unique(methods.map(nameKey));
}

/** A node's id and the ids of every node above it, nearest first. */
function ancestorIds(nodeId: string, nodes: ReadonlyMap<string, Pick<CorpusTaxonomyNode, 'parentId'>>): string[] {
  const ids: string[] = [];
  for (let id: string | null | undefined = nodeId; id && !ids.includes(id); id = nodes.get(id)?.parentId) ids.push(id);
  return ids;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value.trim() !== ''))];
}
