import { ImportCancelledError } from '../store/import-store';
import { runImport, type ImportDependencies, type ImportOutcome, type ImportProgress, type ImportSourceFile } from './run-import';

/** What the options page tells the import worker. */
export type ImportWorkerRequest = { type: 'start'; files: ImportSourceFile[] } | { type: 'cancel' };

/** What the import worker tells the options page. */
export type ImportWorkerEvent =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; outcome: ImportOutcome }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string };

/** The side of a worker (or a `MessagePort`) the server talks through. */
export interface ImportWorkerScope {
  postMessage(event: ImportWorkerEvent): void;
  addEventListener(type: 'message', listener: (event: { data: ImportWorkerRequest }) => void): void;
}

/**
 * Answers import requests inside a dedicated worker, so that parsing, repairing and writing ten
 * thousand digests never blocks the page. One import runs at a time; `cancel` stops it between
 * two steps and rolls back whatever it had begun to write.
 */
export function serveImports(scope: ImportWorkerScope, deps: Pick<ImportDependencies, 'store' | 'loadRepairModel' | 'indexImports' | 'prepareHelpers'>): void {
  let running: AbortController | null = null;
  scope.addEventListener('message', ({ data }) => {
    if (data.type === 'cancel') return running?.abort();
    if (running) return scope.postMessage({ type: 'failed', message: 'An import is already running.' });
    const controller = new AbortController();
    running = controller;
    runImport(data.files, { ...deps, signal: controller.signal, onProgress: (progress) => scope.postMessage({ type: 'progress', progress }) })
      .then((outcome) => scope.postMessage({ type: 'done', outcome }))
      .catch((error: unknown) => {
        if (error instanceof ImportCancelledError) return scope.postMessage({ type: 'cancelled' });
        scope.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => {
        running = null;
      });
  });
}
