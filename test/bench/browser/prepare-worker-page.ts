/**
 * The import benchmark's helper worker (bundled by browser-bench.ts): the same code as the
 * extension's entrypoints/options/prepare-worker.ts.
 */
import { servePrepareRequests, type PrepareWorkerScope } from '../../../lib/import/prepare-worker-server';

servePrepareRequests(self as unknown as PrepareWorkerScope);
