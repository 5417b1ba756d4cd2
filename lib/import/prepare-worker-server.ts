import type { CorpusTaxonomyEntry } from '../corpus';
import { prepareOrReject, type PrepareReply, type PrepareRequest } from './prepare-files';

/** The side of a worker the helper talks through. */
export interface PrepareWorkerScope {
  postMessage(reply: PrepareReply): void;
  addEventListener(type: 'message', listener: (event: { data: PrepareRequest }) => void): void;
}

/**
 * Prepares the clean files an import shares out (see `prepareFiles`), in a helper worker: the
 * pipeline without the repair model, which damaged files stay behind for.
 */
export function servePrepareRequests(scope: PrepareWorkerScope): void {
  let taxonomyEntries: readonly CorpusTaxonomyEntry[] = [];
  scope.addEventListener('message', ({ data }) => {
    taxonomyEntries = data.taxonomyEntries ?? taxonomyEntries;
    scope.postMessage({ id: data.id, result: prepareOrReject({ file: data.file, text: data.text, looksLikeMojibake: false }, { taxonomyEntries, repairModel: null }) });
  });
  scope.postMessage({ ready: true });
}
