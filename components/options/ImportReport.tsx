import type { ImportFileReport } from '../../lib/store/database';
import { t } from '../i18n';

/** What an import did to each file: added, updated and skipped papers with reasons, or why it was refused. */
export function ImportReport({ files }: { files: readonly ImportFileReport[] }) {
  return (
    <ul class="import-report">
      {files.map((file) => (
        <li key={file.file} class={`import-file ${file.status}`} data-file={file.file} data-status={file.status}>
          <strong>{file.file}</strong>
          {file.error !== null ? (
            <p class="error">{t('reportRejected', file.error)}</p>
          ) : (
            <>
              {file.notes.map((note) => (
                <p class="status" key={note}>
                  {note}
                </p>
              ))}
              <IdList label={t('reportAdded', String(file.added.length))} ids={file.added} kind="added" />
              <IdList label={t('reportUpdated', String(file.updated.length))} ids={file.updated} kind="updated" />
              {file.skipped.length > 0 && (
                <details class="skipped">
                  <summary>{t('reportSkipped', String(file.skipped.length))}</summary>
                  <ul>
                    {file.skipped.map((skip, i) => (
                      <li key={i}>
                        {[skip.arxivId, skip.line === null ? null : `line ${skip.line}`].filter(Boolean).join(', ')}: {skip.reason}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              {(file.warnings?.length ?? 0) > 0 && (
                <details class="warnings">
                  <summary>{t('reportWarnings', String(file.warnings!.length))}</summary>
                  <ul>
                    {file.warnings!.map((warning, i) => (
                      <li key={i}>
                        line {warning.line}: {warning.message}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function IdList({ label, ids, kind }: { label: string; ids: readonly string[]; kind: string }) {
  if (ids.length === 0) return null;
  return (
    <p class={`import-ids ${kind}`}>
      {label}:{' '}
      {ids.map((id, i) => (
        <>
          {i > 0 && ', '}
          <a href={`https://arxiv.org/abs/${id}`} target="_blank" rel="noreferrer">
            {id}
          </a>
        </>
      ))}
    </p>
  );
}
