import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCorpus } from '../../lib/corpus';
import { launchExtension, type ExtensionSession } from './support/launch-extension';

describe('the built extension in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('starts its service worker', () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('ships the corpus built from data/sources, valid against the schema', async () => {
    const data = await session.worker.evaluate(async () => (await fetch('/corpus.json')).json());
    const checked = validateCorpus(data);
    expect(checked.ok ? [] : checked.issues).toEqual([]);
    if (!checked.ok) return;
    expect(checked.corpus.papers).toHaveLength(44);
    expect(checked.corpus.papers.find((p) => p.arxivId === '2404.15449')?.summaryZh).toContain('身份保持');
  });
});
