import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import browser from 'webextension-polyfill';
import { savePaperInTab } from '../../../entrypoints/background/save-from-tab';
import type { PageDescription } from '../../../lib/messages/notices';
import { CompanionStore } from '../../../lib/store/companion-store';
import { projectCorpus } from '../../support/project-corpus';
import { fakeDatabase, memorySource } from '../../support/fake-database';

const { corpus } = projectCorpus();
const tab = (url: string, title: string) => ({ id: 7, url, title, index: 0, highlighted: true, active: true, pinned: false, incognito: false }) as browser.Tabs.Tab;

describe('saving the paper a tab shows (context menu and Alt+Shift+S)', () => {
  let store: CompanionStore;
  beforeAll(async () => {
    store = new CompanionStore(fakeDatabase('save-from-tab'), memorySource(corpus));
    await store.ensureCorpus();
  });
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('saves a paper outside the corpus with the title, authors and id its page gives', async () => {
    const description: PageDescription = {
      url: 'https://arxiv.org/abs/2501.00001v2',
      title: 'Unrelated Paper About Robots',
      meta: { citationArxivId: '2501.00001', citationTitle: 'Unrelated Paper About Robots', citationAuthors: ['Doe, Jane', 'Roe, Richard'] },
    };
    vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue(description);
    expect(await savePaperInTab(store, tab(description.url, '[2501.00001] Unrelated Paper About Robots'), 'context-menu')).toBe('Unrelated Paper About Robots');
    expect(await store.readingList.get('arxiv:2501.00001')).toMatchObject({ title: 'Unrelated Paper About Robots', authors: ['Jane Doe', 'Richard Roe'], version: 2, source: 'context-menu' });
  });

  it('saves a digest paper with the corpus title and authors, from a PDF tab where no content script answers', async () => {
    vi.spyOn(browser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await savePaperInTab(store, tab('https://arxiv.org/pdf/2403.04692v2', '2403.04692v2.pdf'), 'command')).toMatch(/^PixArt-Σ/);
    expect(await store.readingList.get('arxiv:2403.04692')).toMatchObject({ version: 2, source: 'command' });
  });

  it('saves the paper a link points at, without asking the page', async () => {
    const send = vi.spyOn(browser.tabs, 'sendMessage');
    expect(await savePaperInTab(store, tab('https://arxiv.org/list/cs.CV/new', 'cs.CV new'), 'context-menu', 'https://arxiv.org/abs/2404.14507')).toMatch(/^Align Your Steps/);
    expect(send).not.toHaveBeenCalled();
  });

  it('saves a paper with no arXiv id by its title, when its page carries citation meta tags', async () => {
    const description: PageDescription = {
      url: 'https://openreview.net/forum?id=xyz',
      title: 'Some Workshop Paper | OpenReview',
      meta: { citationTitle: 'Some Workshop Paper on Sampling', citationAuthors: ['Jane Doe'] },
    };
    vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue(description);
    expect(await savePaperInTab(store, tab(description.url, description.title), 'context-menu')).toBe('Some Workshop Paper on Sampling');
    expect(await store.readingList.get('title:some workshop paper on sampling')).toMatchObject({ arxivId: null, authors: ['Jane Doe'] });
  });

  it('saves nothing from a page that shows no paper', async () => {
    vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({ url: 'https://huggingface.co/papers', title: 'Daily Papers', meta: {} } satisfies PageDescription);
    expect(await savePaperInTab(store, tab('https://huggingface.co/papers', 'Daily Papers - Hugging Face'), 'command')).toBeNull();
    expect(await store.readingList.get('title:daily papers')).toBeUndefined();
  });
});
