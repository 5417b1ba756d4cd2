import * as v from 'valibot';

/** How far back a feed reaches, counted from the newest digest the folder holds. */
export const FEED_WINDOWS = ['days30', 'year', 'all'] as const;
export type FeedWindow = (typeof FEED_WINDOWS)[number];

const WINDOW_DAYS: Record<FeedWindow, number | null> = { days30: 30, year: 365, all: null };

// GitHub's own limits on owner and repository names; a path segment never holds "..".
const owner = v.pipe(v.string(), v.regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'an owner is letters, digits and hyphens'));
const repo = v.pipe(v.string(), v.regex(/^[A-Za-z0-9._-]{1,100}$/, 'a repository name is letters, digits, ".", "_" and "-"'), v.check((name) => name !== '.' && name !== '..', 'not a repository name'));
const branch = v.pipe(v.string(), v.regex(/^[^\s~^:?*[\\]{1,200}$/, 'not a branch name'), v.check((name) => !name.includes('..'), 'not a branch name'));
const folder = v.pipe(
  v.string(),
  v.maxLength(300),
  v.transform((path) => path.replace(/^\/+|\/+$/g, '')),
  v.check((path) => path.split('/').every((segment) => segment !== '..' && segment !== '.'), 'a folder may not climb out with ".."'),
);

/**
 * A digest feed: a folder of a public GitHub repository that holds one Markdown digest per day and
 * topic, `<folder>/<YYYY-MM-DD>/<Topic>.md`, as the generator's archive does.
 */
export const FeedSpecSchema = v.object({
  /** What the card's provenance and the options page call it: "ChatPaperFree archive". */
  title: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80)),
  owner,
  repo,
  /** A branch, or `HEAD` for the repository's default one (the trees API and raw.githubusercontent.com both take it). */
  branch,
  folder,
  /** The topics taken, by file name without `.md`; null takes every topic. */
  topics: v.nullable(v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(100))), v.minLength(1), v.maxLength(50))),
  window: v.picklist(FEED_WINDOWS),
});
export type FeedSpec = v.InferOutput<typeof FeedSpecSchema>;

/** The generator's public archive: daily digests by topic, all through 2024. */
export const CHATPAPER_ARCHIVE = {
  title: 'ChatPaperFree archive',
  owner: 'Kedreamix',
  repo: 'MyBlog',
  branch: 'HEAD',
  folder: 'source/_posts/Paper',
} as const;

/** The archive's topics, as its file names spell them; Diffusion Models is ticked by default. */
export const ARCHIVE_TOPICS = ['Diffusion Models', '3DGS', 'NeRF', 'Talking Head Generation', '元宇宙_虚拟人', '医学图像', 'LLM'] as const;
export const DEFAULT_TOPICS: readonly string[] = ['Diffusion Models'];

/** One feed per folder: subscribing to the same folder again changes its topics and window. */
export function feedId(spec: Pick<FeedSpec, 'owner' | 'repo' | 'branch' | 'folder'>): string {
  return `github:${spec.owner}/${spec.repo}@${spec.branch}/${spec.folder}`.toLowerCase();
}

/** Where a digest sits in its feed: its day and its topic. */
export interface FeedFileRef {
  path: string;
  sha: string;
  date: string;
  topic: string;
}

const DATED_FILE = /^(\d{4}-\d{2}-\d{2})\/([^/]+)\.md$/;

/**
 * The day and topic of a path in the feed's folder, or null for anything else (another folder,
 * another kind of file, a date that is no date).
 */
export function feedFileOf(spec: Pick<FeedSpec, 'folder'>, path: string): { date: string; topic: string } | null {
  const prefix = spec.folder === '' ? '' : `${spec.folder}/`;
  if (!path.startsWith(prefix)) return null;
  const match = DATED_FILE.exec(path.slice(prefix.length));
  if (!match) return null;
  const [, date, topic] = match as unknown as [string, string, string];
  if (Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return null;
  return { date, topic };
}

/** The first day a feed's window takes, given the newest day its folder holds; null for everything. */
export function windowStart(window: FeedWindow, newestDate: string | null): string | null {
  const days = WINDOW_DAYS[window];
  if (days === null || newestDate === null) return null;
  return new Date(Date.parse(`${newestDate}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
}

/** The name an import from one digest of a feed goes by, and the card's provenance: "ChatPaperFree archive · 3DGS · 2024-06-20". */
export function feedFileLabel(title: string, file: Pick<FeedFileRef, 'topic' | 'date'>): string {
  return `${title} · ${file.topic} · ${file.date}`;
}

/** Parses a folder typed by hand: `owner/repo/path`, `owner/repo@branch/path`, or its github.com URL. */
export function parseFolderInput(text: string): Pick<FeedSpec, 'owner' | 'repo' | 'branch' | 'folder'> | null {
  const trimmed = text.trim().replace(/^https?:\/\/github\.com\//i, '');
  const url = /^([^/\s]+)\/([^/\s]+)\/tree\/([^/\s]+)(?:\/(.*))?$/.exec(trimmed);
  const short = /^([^/@\s]+)\/([^/@\s]+)(?:@([^/\s]+))?(?:\/(.*))?$/.exec(trimmed);
  const match = url ?? short;
  if (!match) return null;
  const parsed = v.safeParse(v.object({ owner, repo, branch, folder }), {
    owner: match[1],
    repo: match[2],
    branch: match[3] ?? 'HEAD',
    folder: safeDecode(match[4] ?? ''),
  });
  return parsed.success ? parsed.output : null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
