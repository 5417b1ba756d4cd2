import type { PageLookup } from '../../lib/messages/protocol';
import { DigestDetails } from '../digest/DigestDetails';
import { DigestSummary } from '../digest/DigestSummary';
import { Placements } from '../digest/Placements';
import { t } from '../i18n';
import { SaveButton } from './SaveButton';

/** What the card can ask of the extension. */
export interface PaperCardActions {
  save(): Promise<void>;
  openNode(nodeId: string): void;
  setCollapsed(collapsed: boolean): void;
}

/**
 * The overlay card: the 中文 summary, the takeaways, every taxonomy placement and the Save button
 * without a click; notes, abstract, taxonomy notes and provenance one click further.
 */
export function PaperCard({ lookup, collapsed, floating, actions }: { lookup: PageLookup; collapsed: boolean; floating: boolean; actions: PaperCardActions }) {
  const { digest, placements, newerVersion } = lookup;
  return (
    <aside class={floating ? 'card floating' : 'card'} data-collapsed={String(collapsed)} aria-label={t('cardLabel')}>
      <header>
        <button type="button" class="toggle" aria-expanded={!collapsed} aria-controls="adc-card-body" title={t('toggleHint')} onClick={() => actions.setCollapsed(!collapsed)}>
          <span class="chevron" aria-hidden="true">
            ▾
          </span>
          {t('cardLabel')}
          <span class="hint">{collapsed ? t('expand') : t('collapse')} · Alt+Shift+D</span>
        </button>
      </header>
      <div class="body" id="adc-card-body" hidden={collapsed}>
        {newerVersion && <p class="notice">{t('newerVersion', String(newerVersion.page), String(newerVersion.digest))}</p>}
        {digest ? <DigestSummary paper={digest} /> : <p class="notice">{t('taxonomyOnly')}</p>}
        {placements.length > 0 && (
          <section aria-label={t('taxonomy')}>
            <h3>{t('taxonomy')}</h3>
            <Placements placements={placements} onOpenNode={actions.openNode} />
          </section>
        )}
        <SaveButton saved={lookup.saved} onSave={actions.save} />
        <details>
          <summary>{t('showMore')}</summary>
          <DigestDetails paper={digest} placements={placements} />
        </details>
      </div>
    </aside>
  );
}
