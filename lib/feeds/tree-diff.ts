import { feedFileOf, windowStart, type FeedFileRef, type FeedSpec } from './feed-spec';

/** One path of a git tree, as `GET /repos/{owner}/{repo}/git/trees/{branch}?recursive=1` lists it. */
export interface TreeEntry {
  path: string;
  type: string;
  sha: string;
}

/**
 * Where a digest of a feed stands: `pending` until it is fetched and imported; `done` once its
 * papers are written (in the same transaction); `failed` when the pipeline refused it (it is not
 * fetched again until it changes); `gone` when the folder no longer holds it (its papers stay).
 */
export type FeedFileState = 'pending' | 'done' | 'failed' | 'gone';

/** What the feed already knows of a file. */
export interface KnownFeedFile {
  path: string;
  sha: string;
  state: FeedFileState;
}

/** What a new listing of the folder means for the feed. */
export interface TreeDiff {
  /** New files and files whose content changed, newest day first: to fetch. */
  fetch: FeedFileRef[];
  /** Known files the folder no longer holds. */
  gone: string[];
  /** Files that were gone and are back unchanged: their papers are still there. */
  back: string[];
  /** Files in the feed's topics and window, whatever their state. */
  inFeed: number;
}

/**
 * Compares a listing of the repository with what the feed knows, by blob sha: a file is fetched
 * only when it is new, changed, or was never imported. The window counts back from the newest day
 * the folder holds in the feed's topics, so an archive that stopped growing still fills it.
 * A file outside the topics or the window is left alone, whatever was imported from it before.
 */
export function diffTree(spec: Pick<FeedSpec, 'folder' | 'topics' | 'window'>, tree: readonly TreeEntry[], known: readonly KnownFeedFile[]): TreeDiff {
  const topics = spec.topics === null ? null : new Set(spec.topics);
  const files: FeedFileRef[] = [];
  const paths = new Set<string>();
  for (const entry of tree) {
    if (entry.type !== 'blob') continue;
    paths.add(entry.path);
    const where = feedFileOf(spec, entry.path);
    if (where && (topics === null || topics.has(where.topic))) files.push({ path: entry.path, sha: entry.sha, ...where });
  }
  const newest = files.reduce<string | null>((max, file) => (max === null || file.date > max ? file.date : max), null);
  const start = windowStart(spec.window, newest);
  const inWindow = start === null ? files : files.filter((file) => file.date >= start);

  const byPath = new Map(known.map((file) => [file.path, file]));
  const fetch: FeedFileRef[] = [];
  const back: string[] = [];
  for (const file of inWindow) {
    const before = byPath.get(file.path);
    if (!before || before.sha !== file.sha || before.state === 'pending') fetch.push(file);
    else if (before.state === 'gone') back.push(file.path);
  }
  fetch.sort((a, b) => b.date.localeCompare(a.date) || a.topic.localeCompare(b.topic));
  const gone = known.filter((file) => file.state !== 'gone' && !paths.has(file.path)).map((file) => file.path);
  return { fetch, gone, back, inFeed: inWindow.length };
}
