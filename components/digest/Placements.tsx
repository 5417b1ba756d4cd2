import { useState } from 'preact/hooks';
import type { TaxonomyPlacement } from '../../lib/corpus';
import { t } from '../i18n';

// Methods beside a paper's own shown before "+N more".
const SIBLINGS_SHOWN = 12;

/**
 * Every place a paper has in the taxonomy, as a breadcrumb whose every level opens, with the
 * methods beside it, each of which opens too.
 * @param onOpenNode Called with a node id when the user opens a level or a method; without it, plain text.
 */
export function Placements({ placements, onOpenNode }: { placements: readonly TaxonomyPlacement[]; onOpenNode?: (nodeId: string) => void }) {
  return (
    <ul class="placements">
      {placements.map((placement) => (
        <li key={placement.entryId} class="placement">
          <nav class="breadcrumb" aria-label={t('taxonomy')}>
            <ol>
              {breadcrumbLevels(placement).map(({ label, nodeId }, i) => (
                <li key={i}>
                  {onOpenNode && nodeId ? (
                    <button type="button" class="link" title={t('openInPanel')} onClick={() => onOpenNode(nodeId)}>
                      {label}
                    </button>
                  ) : (
                    label
                  )}
                </li>
              ))}
            </ol>
          </nav>
          {placement.siblings.length > 0 && <Siblings placement={placement} onOpenNode={onOpenNode} />}
        </li>
      ))}
    </ul>
  );
}

function Siblings({ placement, onOpenNode }: { placement: TaxonomyPlacement; onOpenNode?: (nodeId: string) => void }) {
  const [all, setAll] = useState(false);
  const shown = all ? placement.siblings : placement.siblings.slice(0, SIBLINGS_SHOWN);
  const hidden = placement.siblings.length - shown.length;
  return (
    <div class="siblings">
      <span class="label">{t('siblings')}:</span>
      {/* Each method is its own chip: a name's own "·" (DALL·E 3) can never be read as a separator. */}
      <ul class="sibling-list">
        {shown.map((label, i) => {
          const nodeId = placement.siblingIds?.[i];
          return (
            <li key={i}>
              {onOpenNode && nodeId ? (
                <button type="button" class="sibling" title={t('openInPanel')} onClick={() => onOpenNode(nodeId)}>
                  {label}
                </button>
              ) : (
                <span class="sibling">{label}</span>
              )}
            </li>
          );
        })}
        {(hidden > 0 || all) && placement.siblings.length > SIBLINGS_SHOWN && (
          <li>
            <button type="button" class="link more-siblings" aria-expanded={all} onClick={() => setAll(!all)}>
              {all ? t('fewerSiblings') : t('moreSiblings', String(hidden))}
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}

/**
 * The levels of a placement's path with the node each one is. Node ids are their parent's id, a
 * slash and a slug, so the level i's id is the first i+1 parts of the method's own id; when the
 * two do not line up (a path from an older corpus), only the method itself opens.
 */
export function breadcrumbLevels(placement: Pick<TaxonomyPlacement, 'path' | 'nodeId'>): { label: string; nodeId: string | null }[] {
  const parts = placement.nodeId.split('/');
  const aligned = parts.length === placement.path.length;
  return placement.path.map((label, i) => ({
    label,
    nodeId: aligned ? parts.slice(0, i + 1).join('/') : i === placement.path.length - 1 ? placement.nodeId : null,
  }));
}
