import type { Page } from 'playwright-core';
import { grantFeedHosts, openFeedOptions, routeGithub, sendFromPage } from '../e2e/support/feed-routes';
import { launchExtension, type ExtensionSession } from '../e2e/support/launch-extension';
import type { DigestRepo } from '../support/digest-repo';

/**
 * A fresh profile of the built extension whose GitHub is `repo`, the feed hosts granted, and its
 * options page open once the bundled corpus is seeded (a first search waits for it), so that what
 * a feed bench times next is the sync, not the seed. The caller closes the session.
 */
export async function openFeedBenchSession(repo: DigestRepo): Promise<{ session: ExtensionSession; page: Page }> {
  const session = await launchExtension();
  try {
    // tsx names the functions it compiles with a helper `__name`, which the extension's pages lack.
    await session.context.addInitScript('globalThis.__name = (f) => f;');
    await routeGithub(session.context, repo);
    await grantFeedHosts(session);
    const page = await openFeedOptions(session);
    await sendFromPage(page, { type: 'search.query', query: 'diffusion' });
    return { session, page };
  } catch (error) {
    await session.close();
    throw error;
  }
}
