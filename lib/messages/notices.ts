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
