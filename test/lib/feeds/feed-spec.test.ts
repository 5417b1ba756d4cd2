import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CHATPAPER_ARCHIVE, feedFileLabel, feedFileOf, FeedSpecSchema, parseFolderInput } from '../../../lib/feeds/feed-spec';
import { rawFileUrl, treeUrl } from '../../../lib/feeds/github-urls';

describe('feed specs', () => {
  it.each([
    ['source/_posts/Paper/2024-06-20/Diffusion Models.md', { date: '2024-06-20', topic: 'Diffusion Models' }],
    ['source/_posts/Paper/2024-05-02/元宇宙_虚拟人.md', { date: '2024-05-02', topic: '元宇宙_虚拟人' }],
    ['source/_posts/Paper/2024-05-02/img/a.md', null],
    ['source/_posts/Paper/2024-5-2/NeRF.md', null],
    ['source/_posts/Paper/2024-06-20/NeRF.txt', null],
    ['source/_posts/Papers/2024-06-20/NeRF.md', null],
  ])('%s is %o', (path, where) => {
    expect(feedFileOf(CHATPAPER_ARCHIVE, path)).toEqual(where);
  });

  it.each([
    ['Kedreamix/MyBlog/source/_posts/Paper', { owner: 'Kedreamix', repo: 'MyBlog', branch: 'HEAD', folder: 'source/_posts/Paper' }],
    ['someone/digests@main/daily/', { owner: 'someone', repo: 'digests', branch: 'main', folder: 'daily' }],
    ['https://github.com/someone/digests/tree/gh-pages/a/b', { owner: 'someone', repo: 'digests', branch: 'gh-pages', folder: 'a/b' }],
    ['someone/digests', { owner: 'someone', repo: 'digests', branch: 'HEAD', folder: '' }],
    ['someone/digests/../../etc', null],
    ['not a folder', null],
    ['-bad/name/x', null],
  ])('a folder typed as %j is %o', (text, parsed) => {
    expect(parseFolderInput(text)).toEqual(parsed);
  });

  it('refuses a spec that is not one', () => {
    const spec = { ...CHATPAPER_ARCHIVE, topics: ['NeRF'], window: 'all' };
    expect(v.safeParse(FeedSpecSchema, spec).success).toBe(true);
    expect(v.safeParse(FeedSpecSchema, { ...spec, topics: [] }).success).toBe(false);
    expect(v.safeParse(FeedSpecSchema, { ...spec, window: 'week' }).success).toBe(false);
    expect(v.safeParse(FeedSpecSchema, { ...spec, owner: 'a/b' }).success).toBe(false);
  });

  it('asks GitHub for one tree and each file by an encoded path', () => {
    expect(treeUrl(CHATPAPER_ARCHIVE)).toBe('https://api.github.com/repos/Kedreamix/MyBlog/git/trees/HEAD?recursive=1');
    expect(rawFileUrl(CHATPAPER_ARCHIVE, 'source/_posts/Paper/2024-05-02/元宇宙_虚拟人.md')).toBe(
      'https://raw.githubusercontent.com/Kedreamix/MyBlog/HEAD/source/_posts/Paper/2024-05-02/%E5%85%83%E5%AE%87%E5%AE%99_%E8%99%9A%E6%8B%9F%E4%BA%BA.md',
    );
    expect(rawFileUrl(CHATPAPER_ARCHIVE, 'source/_posts/Paper/2024-06-20/Diffusion Models.md')).toContain('/2024-06-20/Diffusion%20Models.md');
    expect(feedFileLabel('ChatPaperFree archive', { topic: 'Diffusion Models', date: '2024-06-20' })).toBe('ChatPaperFree archive · Diffusion Models · 2024-06-20');
  });
});
