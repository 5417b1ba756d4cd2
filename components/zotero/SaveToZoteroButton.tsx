import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { zoteroOriginPattern } from '../../lib/zotero/connector-client';
import type { ZoteroSaveAnswer } from '../../lib/zotero/save-papers';
import { t } from '../i18n';

type State = { kind: 'idle' } | { kind: 'saving' } | { kind: 'answered'; answer: ZoteroSaveAnswer; asked: boolean } | { kind: 'error'; message: string };

/**
 * *Save to Zotero*: asks for access to Zotero desktop's connector on the first click (the browser
 * shows its prompt; a content script cannot ask, and is told where to), then has the background
 * send the papers with their digests as notes. When they do not get there, it says why in words
 * and offers the citation instead: *Copy BibTeX* and an RIS download.
 *
 * @param save Sends the request (`zotero.save` from a page of the extension, `zoteroPaper.save` from the card).
 */
export function SaveToZoteroButton({ save, label = t('saveToZotero') }: { save: () => Promise<ZoteroSaveAnswer>; label?: string }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [copied, setCopied] = useState(false);

  const click = () => {
    // The prompt must open from the click itself: permissions.request is called before any await.
    // A content script has no permissions API: the card can only be told where to allow it.
    const asked = browser.permissions?.request !== undefined;
    const permission = asked ? browser.permissions.request({ origins: [zoteroOriginPattern(import.meta.env.BROWSER)] }).catch(() => false) : Promise.resolve(false);
    setState({ kind: 'saving' });
    setCopied(false);
    // Refused or not, the background is asked: it sends nothing without the permission, and
    // answers with the citations to offer instead.
    void permission
      .then(() => save())
      .then(
        (answer) => setState({ kind: 'answered', answer, asked }),
        (failure: unknown) => setState({ kind: 'error', message: failure instanceof Error ? failure.message : String(failure) }),
      );
  };

  const answer = state.kind === 'answered' ? state.answer : null;
  const fallback = answer && answer.status !== 'saved' ? answer.fallback : null;
  const copyBibtex = async () => {
    if (!fallback) return;
    await navigator.clipboard.writeText(fallback.bibtex);
    setCopied(true);
  };
  const downloadRis = () => {
    if (!fallback) return;
    const url = URL.createObjectURL(new Blob([fallback.ris.text], { type: fallback.ris.mimeType }));
    Object.assign(document.createElement('a'), { href: url, download: fallback.ris.filename }).click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <div class="zotero">
      <button type="button" class="zotero-save" disabled={state.kind === 'saving'} onClick={click}>
        {state.kind === 'saving' ? t('zoteroSaving') : label}
      </button>
      {answer?.status === 'saved' && (
        <p class="notice" role="status">
          {answer.items === 1 ? t('zoteroSaved') : t('zoteroSavedMany', String(answer.items))}
        </p>
      )}
      {answer && answer.status !== 'saved' && (
        <p class="error" role="alert">
          {answer.status === 'not-running'
            ? t('zoteroNotRunning')
            : answer.status === 'outdated'
              ? answer.update === 'zotero'
                ? t('zoteroOutdatedZotero')
                : t('zoteroOutdatedExtension')
              : answer.status === 'permission-needed'
                ? state.kind === 'answered' && state.asked
                  ? t('zoteroPermissionRefused')
                  : t('zoteroPermissionElsewhere')
                : t('zoteroFailed', answer.message)}
        </p>
      )}
      {fallback && (
        <p class="zotero-fallback">
          <button type="button" class="copy-bibtex" onClick={() => void copyBibtex().catch(() => setCopied(false))}>
            {t('copyBibtex')}
          </button>{' '}
          <button type="button" class="download-ris" onClick={downloadRis}>
            {t('downloadRis')}
          </button>
          {copied && (
            <span class="notice" role="status">
              {' '}
              {t('bibtexCopied')}
            </span>
          )}
        </p>
      )}
      {state.kind === 'error' && (
        <p class="error" role="alert">
          {t('errorPrefix', state.message)}
        </p>
      )}
    </div>
  );
}
