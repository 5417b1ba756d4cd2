/**
 * The import worker: parses, repairs and writes imported digests off the options page's thread.
 * It opens the extension's database itself, as the background does, and writes only the import tables.
 */
import { serveImports, type ImportWorkerScope } from '../../lib/import/import-worker-server';
import { repairModelFromJSON, type SerializedRepairModel } from '../../lib/mojibake';
import { CompanionDatabase } from '../../lib/store/database';
import { ImportStore } from '../../lib/store/import-store';
import { refreshSearchIndexCache } from '../../lib/store/search-index-cache';
import type { PrepareHelper } from '../../lib/import/prepare-files';
import PrepareWorker from './prepare-worker.ts?worker';

const db = new CompanionDatabase();
serveImports(self as unknown as ImportWorkerScope, {
  store: new ImportStore(db),
  // Built here, off every page's thread and before the background is asked for it.
  indexImports: () => refreshSearchIndexCache(db),
  // The other cores parse too: this worker keeps one, and each helper takes one.
  prepareHelpers: { cores: navigator.hardwareConcurrency || 1, start: () => new PrepareWorker() as unknown as PrepareHelper },
  async loadRepairModel() {
    // Shipped with the extension (1.8 MB), fetched only for a damaged file.
    const response = await fetch(new URL('/repair-model.json', self.location.origin));
    return repairModelFromJSON((await response.json()) as SerializedRepairModel);
  },
});
