import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { CompanionDatabase } from '../../lib/store/database';
import type { CorpusSource } from '../../lib/store/companion-store';
import type { Corpus } from '../../lib/corpus';

/** A fresh, empty in-memory IndexedDB, so no test sees another's data. */
export function freshIndexedDb(): { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange } {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

/** The extension's database over its own fake IndexedDB. */
export function fakeDatabase(name = 'test-db', dexieOptions = freshIndexedDb()): CompanionDatabase {
  return new CompanionDatabase(name, dexieOptions);
}

/** A corpus source that serves a corpus from memory and counts how often it was loaded. */
export function memorySource(corpus: Corpus): CorpusSource & { loads: number; corpus: Corpus } {
  return {
    corpus,
    loads: 0,
    async hash() {
      return this.corpus.hash;
    },
    async load() {
      this.loads++;
      return structuredClone(this.corpus);
    },
  };
}

/** The same corpus under another hash, as the next release of the extension would bundle it. */
export function nextRelease(corpus: Corpus, change: (corpus: Corpus) => void = () => {}): Corpus {
  const next = structuredClone(corpus);
  change(next);
  next.hash = corpus.hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
  return next;
}
