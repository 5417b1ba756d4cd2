import { beforeEach, describe, expect, it } from 'vitest';
import { serveImports, type ImportWorkerEvent, type ImportWorkerRequest, type ImportWorkerScope } from '../../../lib/import/import-worker-server';
import type { RepairModel } from '../../../lib/mojibake';
import type { CompanionDatabase } from '../../../lib/store/database';
import { ImportStore } from '../../../lib/store/import-store';
import { fakeDatabase } from '../../support/fake-database';
import { DAILY, fixtureFile, MOJIBAKE, WEEKLY } from './helpers';

/** The worker's side of the channel: collects what the server posts, and delivers what the page sends. */
class FakeScope implements ImportWorkerScope {
  readonly events: ImportWorkerEvent[] = [];
  private listener: ((event: { data: ImportWorkerRequest }) => void) | null = null;
  private waiting: { type: ImportWorkerEvent['type']; resolve: (event: ImportWorkerEvent) => void }[] = [];

  postMessage(event: ImportWorkerEvent): void {
    this.events.push(event);
    for (const waiter of this.waiting.filter((w) => w.type === event.type)) waiter.resolve(event);
    this.waiting = this.waiting.filter((w) => w.type !== event.type);
  }

  addEventListener(type: 'message', listener: (event: { data: ImportWorkerRequest }) => void): void {
    expect(type).toBe('message');
    this.listener = listener;
  }

  send(data: ImportWorkerRequest): void {
    if (!this.listener) throw new Error('serveImports did not listen');
    this.listener({ data });
  }

  /** The next event of a type (or the one already posted). */
  next<T extends ImportWorkerEvent['type']>(type: T): Promise<Extract<ImportWorkerEvent, { type: T }>> {
    const posted = this.events.find((event) => event.type === type);
    if (posted) return Promise.resolve(posted as Extract<ImportWorkerEvent, { type: T }>);
    return new Promise((resolve) => this.waiting.push({ type, resolve: resolve as (event: ImportWorkerEvent) => void }));
  }

  types(): ImportWorkerEvent['type'][] {
    return this.events.map((event) => event.type);
  }
}

const noRepairModel = (): Promise<RepairModel> => Promise.reject(new Error('the repair model could not be fetched'));

describe('serveImports', () => {
  let db: CompanionDatabase;
  let scope: FakeScope;
  beforeEach(async () => {
    db = fakeDatabase();
    // An empty corpus, seeded whole: the importer waits for nothing and links to no taxonomy.
    await db.meta.put({ key: 'corpus', hash: 'empty', complete: true, startedAt: 0, seededAt: 0, counts: { papers: 0, taxonomyNodes: 0, taxonomyEntries: 0, titles: 0 } });
    scope = new FakeScope();
    serveImports(scope, { store: new ImportStore(db), loadRepairModel: noRepairModel });
  });

  it('posts progress while it reads, parses and writes, then done with the outcome', async () => {
    scope.send({ type: 'start', files: [fixtureFile(DAILY), fixtureFile(WEEKLY)] });
    const done = await scope.next('done');
    expect(done.outcome.batch).toMatchObject({ papers: 5 });
    expect(done.outcome.files.map((file) => [file.file, file.status])).toEqual([
      [DAILY, 'imported'],
      [WEEKLY, 'imported'],
    ]);
    expect(scope.types().at(-1)).toBe('done');
    expect(new Set(scope.types().slice(0, -1))).toEqual(new Set(['progress']));
    const phases = scope.events.flatMap((event) => (event.type === 'progress' ? [event.progress.phase] : []));
    expect([...new Set(phases)]).toEqual(['reading', 'parsing', 'writing']);
    expect(scope.events.at(-2)).toEqual({ type: 'progress', progress: { phase: 'writing', done: 5, total: 5 } });
    expect(await db.importedPapers.count()).toBe(5);
  });

  it('refuses a second start while an import runs, and finishes the first', async () => {
    scope.send({ type: 'start', files: [fixtureFile(DAILY)] });
    scope.send({ type: 'start', files: [fixtureFile(WEEKLY)] });
    expect(await scope.next('failed')).toEqual({ type: 'failed', message: expect.stringMatching(/already running/) });
    expect((await scope.next('done')).outcome.files.map((file) => file.file)).toEqual([DAILY]);
    expect(await db.importBatches.count()).toBe(1);
    expect(await db.importedPapers.count()).toBe(3);
  });

  it('stops on cancel, writes nothing, and takes the next start', async () => {
    scope.send({ type: 'start', files: [fixtureFile(DAILY)] });
    scope.send({ type: 'cancel' });
    expect(await scope.next('cancelled')).toEqual({ type: 'cancelled' });
    expect(scope.types()).not.toContain('done');
    expect(await db.importedPapers.count()).toBe(0);
    expect(await db.importBatches.count()).toBe(0);

    scope.send({ type: 'start', files: [fixtureFile(WEEKLY)] });
    expect((await scope.next('done')).outcome.batch).toMatchObject({ papers: 2 });
  });

  it('ignores a cancel when nothing runs', async () => {
    scope.send({ type: 'cancel' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(scope.events).toEqual([]);
  });

  it('refuses only the damaged file when the repair model cannot be loaded', async () => {
    scope.send({ type: 'start', files: [fixtureFile(MOJIBAKE)] });
    const { outcome } = await scope.next('done');
    expect(outcome.batch).toBeNull();
    expect(outcome.files).toMatchObject([{ file: MOJIBAKE, status: 'rejected', error: expect.stringMatching(/mojibake.*no repair model/) }]);
    expect(await db.importedPapers.count()).toBe(0);
  });

  it('posts failed with the store’s message when the disk is full, and writes nothing', async () => {
    db.importedPapers.bulkAdd = (() => Promise.reject(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }))) as never;
    scope.send({ type: 'start', files: [fixtureFile(DAILY)] });
    expect((await scope.next('failed')).message).toMatch(/The disk is full/);
    expect(await db.importBatches.count()).toBe(0);
  });
});
