import { validateCorpus, type Corpus } from '../corpus';
import { withReopen, type CompanionDatabase } from './database';
import { corpusState, seedCorpus } from './seed-corpus';
import { StoreError, toStoreError } from './store-error';

/** Where the bundled corpus comes from: in the extension, `corpus-version.json` and `corpus.json`. */
export interface CorpusSource {
  /** The hash of the bundled corpus, read cheaply on every start. */
  hash(): Promise<string>;
  /** The whole corpus, read only when the database must be seeded. */
  load(): Promise<unknown>;
}

/**
 * Makes sure the corpus tables hold the bundled corpus whole before anything reads them, seeding it
 * when they do not: from a cold service worker, after an update, and after a seed that was cut short.
 */
export class CorpusGate {
  private ready: Promise<string> | null = null;
  private readonly reseeded: (() => void)[] = [];

  constructor(
    private readonly db: CompanionDatabase,
    private readonly source: CorpusSource,
  ) {}

  /** Calls `listener` whenever the corpus tables are refilled, so caches over them are dropped. */
  onReseed(listener: () => void): void {
    this.reseeded.push(listener);
  }

  /**
   * Resolves with the corpus hash once the database holds the bundled corpus whole.
   * A failure is not cached: the next call tries again.
   */
  ensure(): Promise<string> {
    this.ready ??= this.seedIfNeeded().catch((error: unknown) => {
      this.ready = null;
      throw toStoreError(error);
    });
    return this.ready;
  }

  /** A database call that needs the corpus whole; it gets the corpus hash. */
  async call<T>(operation: (hash: string) => Promise<T>): Promise<T> {
    const hash = await this.ensure();
    return withReopen(this.db, () => operation(hash));
  }

  private async seedIfNeeded(): Promise<string> {
    // Both at once: on a woken worker they are the first two reads before every answer.
    const [hash, state] = await Promise.all([this.source.hash(), withReopen(this.db, () => corpusState(this.db))]);
    if (state?.complete && state.hash === hash) return hash;
    const checked = validateCorpus(await this.source.load());
    if (!checked.ok) throw new StoreError('corpus-invalid', checked.issues.slice(0, 3).join('; '));
    if (checked.corpus.hash !== hash) throw new StoreError('corpus-invalid', 'corpus.json and its version file disagree');
    for (const listener of this.reseeded) listener();
    await withReopen(this.db, () => seedCorpus(this.db, checked.corpus as Corpus));
    return hash;
  }
}
