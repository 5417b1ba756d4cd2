import type { TaxonomyPlacement } from '../../lib/corpus';
import { t } from '../i18n';

/**
 * Every place a paper has in the taxonomy, as a breadcrumb, with the methods beside it.
 * @param onOpenNode Called with a node id when the user opens a breadcrumb.
 */
export function Placements({ placements, onOpenNode }: { placements: readonly TaxonomyPlacement[]; onOpenNode?: (nodeId: string) => void }) {
  return (
    <ul class="placements">
      {placements.map((placement) => (
        <li key={placement.entryId} class="placement">
          <nav class="breadcrumb" aria-label={t('taxonomy')}>
            {onOpenNode ? (
              <button type="button" class="link" title={t('openInPanel')} onClick={() => onOpenNode(placement.nodeId)}>
                {placement.path.join(' › ')}
              </button>
            ) : (
              placement.path.join(' › ')
            )}
          </nav>
          {placement.siblings.length > 0 && (
            <p class="siblings">
              <span class="label">{t('siblings')}: </span>
              {placement.siblings.slice(0, 12).join(' · ')}
              {placement.siblings.length > 12 && ` · +${placement.siblings.length - 12}`}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
