import { useState } from 'preact/hooks';
import { arxivRefFromUrl, parseArxivId } from '../../lib/arxiv';
import { PAPER_VIEWS, paperViewOf, paperViewUrl } from '../../lib/page/paper-views';
import { THEMES, type Theme } from '../../lib/store/settings-store';
import { t } from '../i18n';

const VIEW_LABELS = { abs: 'viewAbs', pdf: 'viewPdf', html: 'viewHtml' } as const;
const THEME_LABELS = { auto: 'themeAuto', light: 'themeLight', dark: 'themeDark' } as const;

/**
 * The card's menu, opened by its ⋯ button as a row inside the card (so it never spills over the
 * page): the paper's other arXiv views, *Copy BibTeX*, and the card's colours.
 */
export function CardMenu({ arxivId, pageUrl, theme, onTheme, copyBibtex }: { arxivId: string | null; pageUrl: string; theme: Theme; onTheme: (theme: Theme) => void; copyBibtex: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const ref = arxivId ? { id: arxivId, version: arxivRefFromUrl(pageUrl)?.version ?? parseArxivId(arxivId)?.version ?? null } : null;
  const here = paperViewOf(pageUrl);
  const copy = async () => {
    try {
      await copyBibtex();
      setCopied(t('bibtexCopied'));
    } catch (failure) {
      setCopied(t('copyFailed', failure instanceof Error ? failure.message : String(failure)));
    }
  };
  return (
    <>
      <button type="button" class="menu-button" aria-expanded={open} aria-controls="adc-card-menu" aria-label={t('cardMenu')} title={t('cardMenu')} onClick={trusted(() => setOpen(!open))}>
        ⋯
      </button>
      {open && (
        <div class="menu" id="adc-card-menu" role="group" aria-label={t('cardMenu')}>
          {ref && (
            <span class="menu-views">
              {PAPER_VIEWS.filter((view) => view !== here).map((view) => (
                <a key={view} class={`view-${view}`} href={paperViewUrl(ref, view)}>
                  {t(VIEW_LABELS[view])}
                </a>
              ))}
            </span>
          )}
          <button type="button" class="copy-bibtex" onClick={trusted(() => void copy())}>
            {t('copyBibtex')}
          </button>
          {copied && (
            <span class="menu-status" role="status">
              {copied}
            </span>
          )}
          <span class="menu-theme" role="radiogroup" aria-label={t('themeLabel')}>
            {t('themeLabel')}:
            {THEMES.map((choice) => (
              <button key={choice} type="button" role="radio" aria-checked={theme === choice} data-theme-choice={choice} onClick={trusted(() => onTheme(choice))}>
                {t(THEME_LABELS[choice])}
              </button>
            ))}
          </span>
        </div>
      )}
    </>
  );
}

/**
 * A click handler that ignores clicks a page script made (`element.click()`, a dispatched event):
 * the card's shadow root is open, and what it does must stay the user's to ask for.
 */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}
