import type { ComponentChildren } from 'preact';
import type { PageLookup } from '../../lib/messages/protocol';
import { DigestDetails } from '../digest/DigestDetails';
import { DigestLead, DigestTakeaways } from '../digest/DigestSummary';
import { MarkedText } from '../digest/MarkedText';
import { Placements } from '../digest/Placements';
import { t } from '../i18n';
import { trusted } from './CardMenu';
import { SaveButton } from './SaveButton';
import type { ZoteroSaveAnswer } from '../../lib/zotero/save-papers';
import { SaveToZoteroButton } from '../zotero/SaveToZoteroButton';

/** What the card can ask of the extension. */
export interface PaperCardActions {
  save(): Promise<void>;
  openNode(nodeId: string): void;
  setCollapsed(collapsed: boolean): void;
  /** Saves the paper to Zotero desktop; absent for a paper without an arXiv id. */
  saveToZotero?(): Promise<ZoteroSaveAnswer>;
}

/**
 * The overlay card. Its first row is what the eye meets under the page's title and authors: the
 * 中文 one-line summary and Save, and collapsing keeps that row. The takeaways and every taxonomy
 * placement follow; notes, the abstract (where the page has none of its own), taxonomy notes and
 * provenance are one click further.
 * @param pageShowsAbstract The page prints the abstract itself, so the card does not repeat it.
 * @param menu The card's menu (views, BibTeX, theme), drawn at the end of the first row.
 * @param theme Its colours; null follows the system's setting.
 */
export function PaperCard({
  lookup,
  collapsed,
  floating,
  pageShowsAbstract,
  actions,
  menu,
  theme,
}: {
  theme: 'light' | 'dark' | null;
  lookup: PageLookup;
  collapsed: boolean;
  floating: boolean;
  pageShowsAbstract: boolean;
  actions: PaperCardActions;
  menu?: ComponentChildren;
}) {
  const { digest, placements, newerVersion } = lookup;
  return (
    <aside class={floating ? 'card floating' : 'card'} data-collapsed={String(collapsed)} data-theme={theme ?? undefined} aria-label={t('cardLabel')}>
      <div class="lead">
        <button
          type="button"
          class="toggle"
          aria-expanded={!collapsed}
          aria-controls="adc-card-body"
          aria-label={`${t('cardLabel')}: ${collapsed ? t('expand') : t('collapse')}`}
          title={`${collapsed ? t('expand') : t('collapse')} (Alt+Shift+D)`}
          onClick={trusted(() => actions.setCollapsed(!collapsed))}
        >
          <span class="chevron" aria-hidden="true">
            ▾
          </span>
        </button>
        <div class="lead-text">
          <LeadLine lookup={lookup} />
        </div>
        <div class="lead-actions">
          <SaveButton saved={lookup.saved} onSave={actions.save} />
        </div>
        {menu}
      </div>
      <div class="body" id="adc-card-body" hidden={collapsed}>
        {newerVersion && <p class="notice">{t('newerVersion', String(newerVersion.page), String(newerVersion.digest))}</p>}
        {digest ? <DigestTakeaways paper={digest} /> : <p class="notice">{t('taxonomyOnly')}</p>}
        {placements.length > 0 && (
          <section aria-label={t('taxonomy')}>
            <h3>{t('taxonomy')}</h3>
            <Placements placements={placements} onOpenNode={actions.openNode} />
          </section>
        )}
        {actions.saveToZotero && <SaveToZoteroButton save={actions.saveToZotero} />}
        <details>
          <summary>{pageShowsAbstract ? t('showMoreNoAbstract') : t('showMore')}</summary>
          <DigestDetails paper={digest} placements={placements} showAbstract={!pageShowsAbstract} />
        </details>
      </div>
    </aside>
  );
}

/**
 * The card's first line: the one-line summary; where the digest has none, what it does have (its
 * 中文 title, its first takeaway), and for a paper known only to the taxonomy, its method's name.
 */
function LeadLine({ lookup }: { lookup: PageLookup }) {
  const { digest, placements } = lookup;
  if (digest?.summaryZh) return <DigestLead paper={digest} />;
  const titleZh = digest?.chatPaper?.titleZh;
  if (digest && titleZh) {
    return (
      <p class="lead-alt" lang="zh-CN">
        <MarkedText text={titleZh} field="chatPaper/titleZh" marks={digest.uncertain} />
      </p>
    );
  }
  if (digest?.takeaways[0]) {
    return (
      <p class="lead-alt" lang="zh-CN">
        <MarkedText text={digest.takeaways[0]} field="takeaways/0" marks={digest.uncertain} />
      </p>
    );
  }
  const name = digest?.title ?? placements[0]?.method ?? '';
  return <p class="lead-alt">{name}</p>;
}
