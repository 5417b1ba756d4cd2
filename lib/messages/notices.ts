/**
 * Messages that are not requests to the background: the background's notices to the side panel,
 * and its questions to a tab's content script. Kept apart from the request schemas so that the
 * content script does not bundle valibot for them.
 */
import type { PageMeta } from '../page/page-meta';

/** What the background tells an open side panel: open this taxonomy node. Not a request: nobody answers it. */
export interface PanelNotice {
  type: 'panel.showNode';
  nodeId: string;
}

/** True for a {@link PanelNotice}. */
export function isPanelNotice(message: unknown): message is PanelNotice {
  return (message as PanelNotice | null)?.type === 'panel.showNode' && typeof (message as PanelNotice).nodeId === 'string';
}

/**
 * What the background tells every open extension page after the reading list changed (a save, an
 * edit, an import, a restore, changes synced from another device): reload it. Without it, two open
 * side panels never saw each other's edits (issue 13, finding 7c). `keys` are the entries changed.
 */
export interface ReadingListChangedNotice {
  type: 'readingList.changed';
  keys: string[];
}

/** True for a {@link ReadingListChangedNotice}. */
export function isReadingListChangedNotice(message: unknown): message is ReadingListChangedNotice {
  return (message as ReadingListChangedNotice | null)?.type === 'readingList.changed' && Array.isArray((message as ReadingListChangedNotice).keys);
}

/** What the background asks a tab's content script when saving from the context menu or a command. */
export interface DescribePageRequest {
  type: 'page.describe';
}

/** The content script's answer: what the page says about its paper. */
export interface PageDescription {
  url: string;
  title: string;
  meta: PageMeta;
}

/** True for a {@link DescribePageRequest}. */
export function isDescribePageRequest(message: unknown): message is DescribePageRequest {
  return (message as DescribePageRequest | null)?.type === 'page.describe';
}
