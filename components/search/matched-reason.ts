import type { SearchResultHit } from '../../lib/messages/protocol';
import type { MessageKey } from '../../lib/i18n/ui-strings';
import { t } from '../i18n';

// Fields a result already shows when they match: its title and method names.
const SHOWN = new Set(['title', 'titleZh', 'methods']);

const FIELD_NAME: Record<string, (hit: SearchResultHit) => MessageKey> = {
  authors: () => 'fieldAuthors',
  keywords: () => 'fieldKeywords',
  summaryZh: (hit) => (hit.kind === 'entry' ? 'fieldNotes' : 'fieldSummary'),
  abstract: () => 'fieldAbstract',
  path: () => 'fieldPath',
};

/**
 * Why a result matched, when its title does not show it: the authors the query named, or the
 * fields the words were found in ("in the abstract"). Null when the title or a method name matched.
 */
export function matchedReason(hit: SearchResultHit, query: string): string | null {
  const fields = hit.matchedFields ?? [];
  if (fields.length === 0 || fields.some((field) => SHOWN.has(field))) return null;
  if (fields.includes('authors') && hit.authors) {
    const words = fold(query).split(/\s+/).filter((word) => word.length >= 2);
    const names = hit.authors.split('; ');
    const named = names.filter((name) => words.some((word) => fold(name).includes(word)));
    return t('matchedAuthors', (named.length > 0 ? named : names).slice(0, 3).join(', '));
  }
  const known = fields.filter((field) => field in FIELD_NAME);
  return known.length === 0 ? null : t('matchedIn', known.map((field) => t(FIELD_NAME[field]!(hit))).join(', '));
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
