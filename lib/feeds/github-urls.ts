import type { FeedSpec } from './feed-spec';

/** The two hosts feeds talk to: the one listing per sync, and the files. Nothing else is ever asked. */
export const FEED_HOST_PERMISSIONS = ['https://api.github.com/*', 'https://raw.githubusercontent.com/*'] as const;

const segment = (text: string) => encodeURIComponent(text);
const path = (text: string) => text.split('/').map(segment).join('/');

/** `GET /repos/{owner}/{repo}/git/trees/{branch}?recursive=1`: every path of the branch with its blob sha, in one request. */
export function treeUrl(spec: Pick<FeedSpec, 'owner' | 'repo' | 'branch'>): string {
  return `https://api.github.com/repos/${segment(spec.owner)}/${segment(spec.repo)}/git/trees/${segment(spec.branch)}?recursive=1`;
}

/** A file's bytes on raw.githubusercontent.com, which counts against no API limit. */
export function rawFileUrl(spec: Pick<FeedSpec, 'owner' | 'repo' | 'branch'>, filePath: string): string {
  return `https://raw.githubusercontent.com/${segment(spec.owner)}/${segment(spec.repo)}/${path(spec.branch)}/${path(filePath)}`;
}
