import { useEffect, useState } from 'preact/hooks';
import { knowsPaper } from '../../lib/corpus/corpus-lookup';
import type { BackgroundClient } from '../../lib/messages/background-client';
import type { PageLookup } from '../../lib/messages/protocol';
import { cardTheme } from '../../lib/page/page-theme';
import { paperBibtex } from '../../lib/reading-list/paper-bibtex';
import { paperToSave, type PageFacts } from '../../lib/reading-list/paper-to-save';
import type { Theme } from '../../lib/store/settings-store';
import { t } from '../i18n';
import { CardMenu, trusted } from './CardMenu';
import { NoDigestPaper } from './NoDigestPaper';
import { useSavePaper } from './use-save-paper';
import { PaperCard } from './PaperCard';

/** Alt+Shift+D: free on arXiv, Hugging Face and alphaXiv, and typed by one hand. */
function isToggleShortcut(event: KeyboardEvent): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyD';
}

/** What the card reads of the page it sits on. */
export interface CardPage extends PageFacts {
  url: string;
  /** The page prints the abstract itself, so the card does not repeat it. */
  showsAbstract: boolean;
  /** Computed backgrounds from where the card sits up to `<html>`, nearest first; read again on demand. */
  backgrounds: () => string[];
}

/**
 * The card on a paper page, wired to the background: its collapsed state and colours are settings,
 * saving goes to the reading list, and a breadcrumb opens the side panel on its node. A paper the
 * extension has no digest of gets the compact bar: its title, *Save*, and where digests come from.
 */
export function OverlayCard({
  lookup,
  page,
  client,
  initialSettings,
  floating,
}: {
  lookup: PageLookup;
  page: CardPage;
  client: BackgroundClient;
  initialSettings: { cardCollapsed: boolean; theme: Theme };
  floating: boolean;
}) {
  const [collapsed, setCollapsed] = useState(initialSettings.cardCollapsed);
  const [themeSetting, setThemeSetting] = useState<Theme>(initialSettings.theme);
  const [theme, setTheme] = useState(() => cardTheme(initialSettings.theme, page.backgrounds()));
  const changeCollapsed = (next: boolean) => {
    setCollapsed(next);
    void client.call({ type: 'settings.update', patch: { cardCollapsed: next } }).catch(() => {});
  };
  const changeTheme = (next: Theme) => {
    setThemeSetting(next);
    setTheme(cardTheme(next, page.backgrounds()));
    void client.call({ type: 'settings.update', patch: { theme: next } }).catch(() => {});
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.isTrusted || !isToggleShortcut(event)) return;
      event.preventDefault();
      setCollapsed((now) => {
        void client.call({ type: 'settings.update', patch: { cardCollapsed: !now } }).catch(() => {});
        return !now;
      });
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [client]);
  // A page that switches its own theme (Hugging Face's, alphaXiv's) does it on <html> or <body>.
  useEffect(() => {
    if (themeSetting !== 'auto') return;
    const observer = new MutationObserver(() => setTheme(cardTheme('auto', page.backgrounds())));
    for (const target of [document.documentElement, document.body]) observer.observe(target, { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] });
    return () => observer.disconnect();
  }, [themeSetting, page]);

  const save = useSavePaper(client, lookup, page, 'card');
  const openNode = (nodeId: string) => void client.call({ type: 'taxonomy.open', nodeId }).catch(() => {});
  const copyBibtex = async () => {
    const paper = paperToSave(lookup, page, 'card');
    // A page that names its paper by neither id nor title has nothing to cite: say so, not "copied".
    if (!paper) throw new Error(t('noPaperToCite'));
    await navigator.clipboard.writeText(paperBibtex(paper));
  };
  const menu = <CardMenu arxivId={lookup.arxivId} pageUrl={page.url} theme={themeSetting} onTheme={changeTheme} copyBibtex={copyBibtex} />;

  const arxivId = lookup.arxivId;
  const saveToZotero = arxivId ? () => client.call({ type: 'zoteroPaper.save', arxivId }) : undefined;

  if (!knowsPaper(lookup)) {
    const title = paperToSave(lookup, page, 'card')?.title ?? page.title;
    return (
      <aside class={floating ? 'card floating' : 'card'} data-known="false" data-theme={theme ?? undefined} aria-label={t('cardLabel')}>
        <div class="lead">
          <div class="lead-text">
            <NoDigestPaper title={title} saved={lookup.saved} onSave={save} onOpenImport={trusted(() => void client.call({ type: 'options.open' }).catch(() => {}))} />
          </div>
          {menu}
        </div>
      </aside>
    );
  }
  return (
    <PaperCard
      lookup={lookup}
      collapsed={collapsed}
      floating={floating}
      pageShowsAbstract={page.showsAbstract}
      theme={theme}
      menu={menu}
      actions={{ save, openNode, setCollapsed: changeCollapsed, saveToZotero }}
    />
  );
}
