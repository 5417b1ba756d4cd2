import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportWorkerEvent, ImportWorkerRequest } from '../../lib/import/import-worker-server';
import type { ImportOutcome, ImportProgress } from '../../lib/import/run-import';
import { t } from '../i18n';
import { ImportReport } from './ImportReport';

type ImportState =
  | { step: 'idle' }
  | { step: 'running'; progress: ImportProgress | null }
  | { step: 'done'; outcome: ImportOutcome }
  | { step: 'cancelled' }
  | { step: 'failed'; message: string };

const PHASE_TEXT = { reading: 'importPhaseReading', parsing: 'importPhaseParsing', writing: 'importPhaseWriting', indexing: 'importPhaseIndexing' } as const;

/**
 * Picks digest files and hands them to the import worker; shows its progress, a Cancel button,
 * and the per-file report when it is done.
 */
export function ImportDigests({ startWorker, onImported }: { startWorker: () => Worker; onImported: () => Promise<void> }) {
  const worker = useRef<Worker | null>(null);
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [fileCount, setFileCount] = useState(0);
  useEffect(() => () => worker.current?.terminate(), []);

  const send = (request: ImportWorkerRequest) => worker.current?.postMessage(request);

  const start = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    if (!worker.current) {
      worker.current = startWorker();
      worker.current.addEventListener('message', ({ data }: MessageEvent<ImportWorkerEvent>) => {
        if (data.type === 'progress') setState({ step: 'running', progress: data.progress });
        else if (data.type === 'done') {
          setState({ step: 'done', outcome: data.outcome });
          if (data.outcome.batch) void onImported();
        } else if (data.type === 'cancelled') setState({ step: 'cancelled' });
        else setState({ step: 'failed', message: data.message });
      });
    }
    setState({ step: 'running', progress: null });
    setFileCount(files.length);
    send({ type: 'start', files: [...files] });
  };

  const running = state.step === 'running';
  const progress = running ? state.progress : null;
  return (
    <section aria-labelledby="import-digests" class="import-digests" data-import-step={state.step}>
      <h2 id="import-digests">{t('importDigestsHeading')}</h2>
      <p class="help">{t('importDigestsHelp')}</p>
      <label class="import-files">
        {t('chooseDigestFiles')}{' '}
        <input
          type="file"
          multiple
          accept=".txt,.md,.json,text/plain,application/json"
          disabled={running}
          onChange={(event) => {
            start(event.currentTarget.files);
            event.currentTarget.value = '';
          }}
        />
      </label>
      {running && (
        <div class="import-progress">
          <progress max={progress?.total || 1} value={progress?.done ?? 0} data-phase={progress?.phase ?? 'starting'} aria-labelledby="import-progress-text" />
          <span role="status" id="import-progress-text">
            {progress ? t(PHASE_TEXT[progress.phase], String(progress.done), String(progress.total)) : t('importStarting', String(fileCount))}
          </span>
          {/* Once the digests are written, the import is done: only the search index is still being built. */}
          {progress?.phase !== 'indexing' && (
            <button type="button" onClick={() => send({ type: 'cancel' })}>
              {t('cancelImport')}
            </button>
          )}
        </div>
      )}
      {state.step === 'cancelled' && <p role="status">{t('importCancelled')}</p>}
      {state.step === 'failed' && (
        <p class="error" role="alert">
          {t('importFailed', state.message)}
        </p>
      )}
      {state.step === 'done' && (
        <>
          <p role="status">{state.outcome.batch ? t('importDone', String(state.outcome.batch.papers)) : t('importNothingNew')}</p>
          <ImportReport files={state.outcome.files} />
        </>
      )}
    </section>
  );
}
