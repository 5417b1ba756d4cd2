import { useState } from 'preact/hooks';
import type { ImportFileReport } from '../../lib/store/database';
import { t } from '../i18n';

// Papers listed per kind before "Show all": a ten-thousand-paper import stays readable.
const IDS_SHOWN = 20;

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
              <IdList label={t('reportAdded', String(file.added.length))} ids={file.added} titles={file.titles} kind="added" />
              <IdList label={t('reportUpdated', String(file.updated.length))} ids={file.updated} titles={file.titles} kind="updated" />
              {file.skipped.length > 0 && (
                <details class="skipped">
                  <summary>{t('reportSkipped', String(file.skipped.length))}</summary>
                  <ul>
                    {file.skipped.map((skip, i) => (
                      <li key={i}>
                        {[skip.arxivId, skip.arxivId && file.titles?.[skip.arxivId], skip.line === null ? null : `line ${skip.line}`].filter(Boolean).join(', ')}: {skip.reason}
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

/** The papers of one kind (added, updated), each as its arXiv id, linked, and its title. */
function IdList({ label, ids, titles, kind }: { label: string; ids: readonly string[]; titles: ImportFileReport['titles']; kind: string }) {
  const [all, setAll] = useState(false);
  if (ids.length === 0) return null;
  const shown = all ? ids : ids.slice(0, IDS_SHOWN);
  return (
    <div class={`import-ids ${kind}`}>
      <p class="import-ids-label">{label}</p>
      <ul>
        {shown.map((id) => (
          <li key={id}>
            <a href={`https://arxiv.org/abs/${id}`} target="_blank" rel="noreferrer">
              {id}
            </a>
            {titles?.[id] && <span class="import-title"> {titles[id]}</span>}
          </li>
        ))}
      </ul>
      {ids.length > IDS_SHOWN && (
        <button type="button" class="link" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('showFewer') : t('showAll', String(ids.length))}
        </button>
      )}
    </div>
  );
}
