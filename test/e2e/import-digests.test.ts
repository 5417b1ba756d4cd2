import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { routeFixtures } from './fixtures/fixture-pages';
import { openPopup, readTables, search } from './support/extension-pages';
import { launchExtension, type ExtensionSession } from './support/launch-extension';
import { cardText, openPaperPage } from './support/overlay-page';

const IMPORT_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');
const fixture = (name: string) => join(IMPORT_FIXTURES, name);

/** Opens the options page, where digest files are imported. */
async function openOptions(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.getByRole('heading', { name: 'Imports' }).waitFor();
  return page;
}

/** Picks files in the import box and waits until the import has finished one way or another. */
async function importFiles(options: Page, files: Parameters<Page['setInputFiles']>[1]): Promise<string> {
  await options.locator('.import-digests input[type=file]').setInputFiles(files);
  await options.waitForFunction(() => ['done', 'cancelled', 'failed'].includes(document.querySelector('.import-digests')?.getAttribute('data-import-step') ?? ''), null, { timeout: 120_000 });
  return (await options.locator('.import-digests').getAttribute('data-import-step'))!;
}

/** How many rows the imported-digests tables hold, read straight from the extension's IndexedDB. */
async function importedRowCounts(page: Page): Promise<{ papers: number; batches: number }> {
  const { importedPapers, importBatches } = await readTables(page, ['importedPapers', 'importBatches']);
  return { papers: importedPapers!.length, batches: importBatches!.length };
}

/** A weekly overview of `count` made-up papers, in the seed format. */
function syntheticWeekly(count: number, firstId: number): Buffer {
  const lines = ['# 2024-06-01--2024-06-07 生成式论文概览'];
  for (let i = 0; i < count; i++) {
    const id = `2406.${String(firstId + i).padStart(5, '0')}`;
    lines.push(
      `## Synthetic Diffusion Study Number ${i} on Guided Sampling `,
      '  * 2024-06-03  ',
      `  * We study guided sampling in diffusion models, case ${i}, and report what changes when the guidance scale varies. `,
      ` * link:[http://arxiv.org/abs/${id}v1](http://arxiv.org/abs/${id}v1) `,
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

describe('importing digest files on the options page', () => {
  let session: ExtensionSession;
  let options: Page;
  beforeAll(async () => {
    session = await launchExtension();
    await routeFixtures(session.context);
    options = await openOptions(session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('imports a new daily digest: its papers get a card on their arXiv pages and are found by search', async () => {
    const page = await session.context.newPage();
    // Before: the taxonomy knows the method by its title, but there is no digest.
    expect(await openPaperPage(page, 'https://arxiv.org/abs/2405.12001')).toBe('card');
    expect(await cardText(page, '.summary')).toBeNull();

    expect(await importFiles(options, fixture('daily-2024-05-20.txt'))).toBe('done');
    const report = options.locator('.import-digests .import-file[data-file="daily-2024-05-20.txt"]');
    expect(await report.getAttribute('data-status')).toBe('imported');
    expect(await report.locator('.import-ids.added a').allTextContents()).toEqual(['2405.12001', '2405.12002', '2405.12003']);
    await options.locator('.import-batch').first().waitFor();
    expect(await options.locator('.import-batch').count()).toBe(1);

    await page.reload();
    await page.waitForFunction(() => document.querySelector('arxiv-digest-card')?.shadowRoot?.querySelector('.summary'), null, { timeout: 20_000 });
    expect(await cardText(page, '.summary')).toContain('扰动注意力引导');
    // Linked by title to the taxonomy entry that had no digest.
    expect(await cardText(page, '.placements')).toContain('PAG');
    await page.close();

    const popup = await openPopup(session);
    expect((await search(popup, 'perturbed attention guidance'))[0]).toMatch(/^Self-Rectifying Diffusion Sampling/);
    expect((await search(popup, '2405.12002'))[0]).toBeTruthy();
    await popup.close();
  });

  it('refuses bad files with a clear reason, and imports nothing from them', async () => {
    const before = await importedRowCounts(options);
    // Playwright passes files over 50 MB only by path.
    const folder = mkdtempSync(join(tmpdir(), 'adc-import-'));
    const huge = join(folder, 'huge.txt');
    writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 'a'));
    expect(await importFiles(options, [fixture('binary.bin'), fixture('script.html'), fixture('macro-bomb.txt'), huge])).toBe('done');
    const status = (file: string) => options.locator(`.import-digests .import-file[data-file="${file}"]`);
    for (const file of ['binary.bin', 'script.html', 'macro-bomb.txt', 'huge.txt']) expect(await status(file).getAttribute('data-status')).toBe('rejected');
    expect(await status('binary.bin').textContent()).toContain('binary data');
    expect(await status('script.html').textContent()).toContain('<script>');
    expect(await status('macro-bomb.txt').textContent()).toContain("KaTeX's limits");
    expect(await status('huge.txt').textContent()).toContain('50.0 MB');
    expect(await options.locator('.import-digests [role="status"]').first().textContent()).toContain('Nothing new');
    expect(await importedRowCounts(options)).toEqual(before);
    expect(await options.evaluate(() => (window as { __importPwned?: unknown }).__importPwned)).toBeUndefined();
    rmSync(folder, { recursive: true, force: true });
  });

  it('leaves nothing behind when an import of 10,000 digests is cancelled, and the page stays responsive', async () => {
    const before = await importedRowCounts(options);
    await options.locator('.import-digests input[type=file]').setInputFiles({ name: 'big-weekly.txt', mimeType: 'text/plain', buffer: syntheticWeekly(10_000, 10_000) });
    await options.getByRole('button', { name: 'Cancel' }).waitFor();
    // The work is in a worker: the page answers at once while it runs.
    const started = Date.now();
    await options.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(Date.now() - started).toBeLessThan(1000);
    await options.getByRole('button', { name: 'Cancel' }).click();
    await options.waitForFunction(() => document.querySelector('.import-digests')?.getAttribute('data-import-step') === 'cancelled', null, { timeout: 120_000 });
    expect(await options.locator('.import-digests [role="status"]').textContent()).toContain('Nothing was imported');
    expect(await importedRowCounts(options)).toEqual(before);
    const popup = await openPopup(session);
    expect(await search(popup, '2406.10005')).toEqual([]);
    await popup.close();
  });

  it('removes an import as one batch: its papers lose their digests again', async () => {
    await options.reload();
    await options.getByRole('button', { name: 'Remove this import' }).click();
    await options.getByText('No digest files imported yet.').waitFor();
    expect(await importedRowCounts(options)).toEqual({ papers: 0, batches: 0 });
    const page = await session.context.newPage();
    expect(await openPaperPage(page, 'https://arxiv.org/abs/2405.12001')).toBe('card');
    expect(await cardText(page, '.summary')).toBeNull();
    await page.close();
  });

  it('repairs a mojibake digest file with the shipped model before importing it', async () => {
    expect(await importFiles(options, fixture('daily-2024-05-20-mojibake.txt'))).toBe('done');
    const report = options.locator('.import-digests .import-file[data-file="daily-2024-05-20-mojibake.txt"]');
    expect(await report.textContent()).toMatch(/repaired as mojibake: \d+ damaged characters/);
    expect(await report.locator('.import-ids.added a').allTextContents()).toEqual(['2405.12001', '2405.12002', '2405.12003']);
    const page = await session.context.newPage();
    await openPaperPage(page, 'https://arxiv.org/abs/2405.12001');
    await page.waitForFunction(() => document.querySelector('arxiv-digest-card')?.shadowRoot?.querySelector('.summary'), null, { timeout: 20_000 });
    expect(await cardText(page, '.summary')).toMatch(/扰动注意力/);
    expect(await cardText(page, '.summary')).not.toMatch(/[ãåæçèé]/);
    await page.close();
  });

  it('shares a large import with a helper worker on another core, and every paper of every file goes in once', async () => {
    const workers: string[] = [];
    const onWorker = (worker: { url(): string }) => workers.push(new URL(worker.url()).pathname);
    options.on('worker', onWorker);
    const before = await importedRowCounts(options);
    // Over a megabyte of text in all, which is when the import starts helpers.
    const files = [0, 1, 2].map((i) => ({ name: `large-${i}.txt`, mimeType: 'text/plain', buffer: syntheticWeekly(1300, 30_000 + i * 1300) }));
    expect(files.reduce((sum, file) => sum + file.buffer.length, 0)).toBeGreaterThan(1_000_000);
    expect(await importFiles(options, files)).toBe('done');
    options.off('worker', onWorker);
    for (const { name } of files) expect(await options.locator(`.import-digests .import-file[data-file="${name}"]`).getAttribute('data-status')).toBe('imported');
    expect(await importedRowCounts(options)).toEqual({ papers: before.papers + 3900, batches: before.batches + 1 });
    // One helper per core beyond the import worker's, one file each at most beyond the first.
    const helpers = Math.min(files.length - 1, (await options.evaluate(() => navigator.hardwareConcurrency)) - 1);
    // (The import worker itself is started by the first import and kept.)
    expect(workers.filter((path) => !path.startsWith('/assets/import-worker-'))).toEqual(Array.from({ length: helpers }, () => expect.stringMatching(/^\/assets\/prepare-worker-/)));
    expect(helpers).toBeGreaterThan(0);
    const popup = await openPopup(session);
    expect(await search(popup, '2406.33899')).toHaveLength(1);
    await popup.close();
  });
});

