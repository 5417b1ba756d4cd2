/**
 * A stand-in for a GitHub repository of daily digests, as the trees API and raw.githubusercontent.com
 * serve it: unit tests call its `fetch`, end-to-end tests and the bench route the browser's requests to
 * it. It honours `If-None-Match`, counts requests, and can fail on demand.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ARCHIVE = { owner: 'Kedreamix', repo: 'MyBlog', branch: 'HEAD', folder: 'source/_posts/Paper' } as const;

/** The real digests beside the repository (`../shared/real-digests/`), or null when they are absent. */
export const REAL_DIGESTS_DIR = process.env.REAL_DIGESTS_DIR ?? fileURLToPath(new URL('../../../shared/real-digests/', import.meta.url));

/** The real digests as the archive holds them: source path → bytes; null (with a warning) when the folder is absent. */
export function realDigestFiles(): Map<string, Uint8Array> | null {
  const dir = REAL_DIGESTS_DIR.replace(/\/?$/, '/');
  if (!existsSync(`${dir}MANIFEST.tsv`)) return null;
  const files = new Map<string, Uint8Array>();
  for (const line of readFileSync(`${dir}MANIFEST.tsv`, 'utf8').split('\n').slice(1)) {
    const [name, path] = line.split('\t');
    if (name && path) files.set(path, new Uint8Array(readFileSync(`${dir}${name}`)));
  }
  return files;
}

/** Git's blob id of some bytes, as the trees API lists it. */
export function gitBlobSha(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}

/** A routed response: status, headers and body. */
export interface RepoResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/** What a test makes the next requests do instead of answering. */
export type RepoFault = 'offline' | 'rate-limit' | 'server-error';

export class DigestRepo {
  readonly files = new Map<string, Uint8Array>();
  /** Every URL asked for, in order. */
  readonly requests: string[] = [];
  /** Set to make every request to a host fail until it is cleared. */
  fault: { kind: RepoFault; host?: 'api.github.com' | 'raw.githubusercontent.com'; resetAt?: number } | null = null;

  constructor(files: Iterable<[string, Uint8Array | string]> = []) {
    for (const [path, content] of files) this.put(path, content);
  }

  put(path: string, content: Uint8Array | string): void {
    this.files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }

  /** The tree's ETag changes with any file. */
  etag(): string {
    return `"${createHash('sha1').update([...this.files].map(([path, bytes]) => `${path}:${gitBlobSha(bytes)}`).join('\n')).digest('hex')}"`;
  }

  /**
   * Answers one request to api.github.com or raw.githubusercontent.com, or returns 'offline'
   * when the test wants the network gone.
   */
  answer(url: string, headers: Record<string, string> = {}): RepoResponse | 'offline' {
    this.requests.push(url);
    const parsed = new URL(url);
    if (this.fault && (!this.fault.host || this.fault.host === parsed.host)) {
      if (this.fault.kind === 'offline') return 'offline';
      if (this.fault.kind === 'server-error') return { status: 502, headers: {}, body: 'Bad gateway' };
      const reset = String(Math.ceil((this.fault.resetAt ?? Date.now() + 3600_000) / 1000));
      return { status: 403, headers: { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset, 'content-type': 'application/json' }, body: '{"message":"API rate limit exceeded"}' };
    }
    const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'ETag, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After' };
    if (parsed.host === 'api.github.com') {
      const match = /^\/repos\/([^/]+)\/([^/]+)\/git\/trees\/([^/]+)$/.exec(parsed.pathname);
      if (!match || match[1] !== ARCHIVE.owner || match[2] !== ARCHIVE.repo) return { status: 404, headers: cors, body: '{"message":"Not Found"}' };
      const etag = this.etag();
      const limits = { ...cors, etag, 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '59' };
      if (Object.entries(headers).some(([name, value]) => name.toLowerCase() === 'if-none-match' && value === etag)) return { status: 304, headers: limits, body: '' };
      const tree = [...new Set([...this.files.keys()].flatMap((path) => path.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))))]
        .map((path) => ({ path, mode: '040000', type: 'tree', sha: createHash('sha1').update(path).digest('hex') }))
        .concat([...this.files].map(([path, bytes]) => ({ path, mode: '100644', type: 'blob', sha: gitBlobSha(bytes), size: bytes.byteLength })));
      return { status: 200, headers: { ...limits, 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ sha: 'root', url: url, tree, truncated: false }) };
    }
    if (parsed.host === 'raw.githubusercontent.com') {
      const prefix = `/${ARCHIVE.owner}/${ARCHIVE.repo}/${ARCHIVE.branch}/`;
      const path = parsed.pathname.startsWith(prefix) ? decodeURIComponent(parsed.pathname.slice(prefix.length)) : '';
      const bytes = this.files.get(path);
      return bytes ? { status: 200, headers: { ...cors, 'content-type': 'text/plain; charset=utf-8' }, body: bytes } : { status: 404, headers: cors, body: '404: Not Found' };
    }
    return 'offline';
  }

  /** A `fetch` over {@link answer}, for unit tests. */
  readonly fetch = async (url: string, init: { headers?: Record<string, string> } = {}): Promise<Response> => {
    const answer = this.answer(url, init.headers);
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    return new Response(answer.status === 304 ? null : (answer.body as BodyInit), { status: answer.status, headers: answer.headers });
  };

  /** Requests made since the given count, by host. */
  countSince(start: number, host?: string): number {
    return this.requests.slice(start).filter((url) => !host || new URL(url).host === host).length;
  }
}
