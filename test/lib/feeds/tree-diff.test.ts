import { describe, expect, it } from 'vitest';
import type { FeedSpec } from '../../../lib/feeds/feed-spec';
import { diffTree, type KnownFeedFile, type TreeEntry } from '../../../lib/feeds/tree-diff';

const spec: Pick<FeedSpec, 'folder' | 'topics' | 'window'> = { folder: 'source/_posts/Paper', topics: null, window: 'all' };
const blob = (path: string, sha = `sha-${path}`): TreeEntry => ({ path: `source/_posts/Paper/${path}`, type: 'blob', sha });
const known = (path: string, state: KnownFeedFile['state'], sha = `sha-${path}`): KnownFeedFile => ({ path: `source/_posts/Paper/${path}`, sha, state });
const paths = (files: readonly { path: string }[]) => files.map((file) => file.path.replace('source/_posts/Paper/', ''));

describe('diffTree', () => {
  it('fetches every digest of a first listing, newest day first, and nothing else in the repository', () => {
    const tree = [
      blob('2024-06-20/3DGS.md'),
      blob('2024-06-21/Diffusion Models.md'),
      blob('2024-06-21/NeRF.md'),
      { path: 'source/_posts/Paper/2024-06-21', type: 'tree', sha: 't' },
      blob('2024-06-21/cover.png'),
      blob('notes/README.md'),
      { path: 'source/_posts/Other/2024-06-21/NeRF.md', type: 'blob', sha: 'x' },
      blob('2024-13-45/NeRF.md'),
    ];
    const diff = diffTree(spec, tree, []);
    expect(paths(diff.fetch)).toEqual(['2024-06-21/Diffusion Models.md', '2024-06-21/NeRF.md', '2024-06-20/3DGS.md']);
    expect(diff.fetch[0]).toMatchObject({ date: '2024-06-21', topic: 'Diffusion Models' });
    expect(diff).toMatchObject({ gone: [], back: [], inFeed: 3 });
  });

  it.each([
    ['unchanged and done', known('2024-06-20/3DGS.md', 'done'), []],
    ['changed upstream', known('2024-06-20/3DGS.md', 'done', 'old-sha'), ['2024-06-20/3DGS.md']],
    ['still pending from a sync cut short', known('2024-06-20/3DGS.md', 'pending'), ['2024-06-20/3DGS.md']],
    ['refused by the pipeline and unchanged', known('2024-06-20/3DGS.md', 'failed'), []],
    ['refused, then changed', known('2024-06-20/3DGS.md', 'failed', 'old-sha'), ['2024-06-20/3DGS.md']],
  ])('a file %s is fetched only when it must be', (_case, before, fetch) => {
    expect(paths(diffTree(spec, [blob('2024-06-20/3DGS.md')], [before]).fetch)).toEqual(fetch);
  });

  it('marks files the folder no longer holds as gone, once, and files back unchanged as back', () => {
    const diff = diffTree(spec, [blob('2024-06-21/NeRF.md')], [known('2024-06-20/3DGS.md', 'done'), known('2024-06-19/3DGS.md', 'gone'), known('2024-06-21/NeRF.md', 'gone')]);
    expect(paths(diff.gone.map((path) => ({ path })))).toEqual(['2024-06-20/3DGS.md']);
    expect(paths(diff.back.map((path) => ({ path })))).toEqual(['2024-06-21/NeRF.md']);
    expect(diff.fetch).toEqual([]);
  });

  it.each([
    ['days30', ['2024-06-21/3DGS.md', '2024-05-23/3DGS.md']],
    // 365 days back from 2024-06-21, with 29 February between.
    ['year', ['2024-06-21/3DGS.md', '2024-05-23/3DGS.md', '2024-05-22/3DGS.md', '2023-06-23/3DGS.md']],
    ['all', ['2024-06-21/3DGS.md', '2024-05-23/3DGS.md', '2024-05-22/3DGS.md', '2023-06-23/3DGS.md', '2023-06-22/3DGS.md']],
  ] as const)('window %s counts back from the newest digest in the folder', (window, fetch) => {
    const tree = ['2023-06-22', '2023-06-23', '2024-05-22', '2024-05-23', '2024-06-21'].map((date) => blob(`${date}/3DGS.md`));
    expect(paths(diffTree({ ...spec, window }, tree, []).fetch)).toEqual(fetch);
  });

  it('takes only the ticked topics, and the window counts from their newest digest', () => {
    const tree = [blob('2024-06-21/NeRF.md'), blob('2024-03-01/Diffusion Models.md'), blob('2024-01-31/Diffusion Models.md'), blob('2024-01-01/元宇宙_虚拟人.md')];
    const diff = diffTree({ ...spec, topics: ['Diffusion Models', '元宇宙_虚拟人'], window: 'days30' }, tree, []);
    expect(paths(diff.fetch)).toEqual(['2024-03-01/Diffusion Models.md']);
  });

  it('leaves alone files outside the window that were imported before: they are not gone', () => {
    const diff = diffTree({ ...spec, window: 'days30' }, [blob('2024-06-21/NeRF.md'), blob('2023-01-01/NeRF.md')], [known('2023-01-01/NeRF.md', 'done')]);
    expect(diff.gone).toEqual([]);
    expect(paths(diff.fetch)).toEqual(['2024-06-21/NeRF.md']);
  });
});
