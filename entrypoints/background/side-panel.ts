import browser from 'webextension-polyfill';
import type { PanelNotice } from '../../lib/messages/notices';

interface ChromeSidePanel {
  open(options: { tabId: number }): Promise<void>;
}

/**
 * Opens the side panel in a tab and tells it which node to show. Chrome opens a panel only in
 * answer to a user gesture (a click on the card counts). Firefox has a sidebar instead, which it
 * opens only from a user action in the extension's own pages, so there an open() from the card's
 * message may be refused.
 * @returns false when the browser would not open it; the node then waits in the settings.
 */
export async function openSidePanelOn(tabId: number | undefined, nodeId: string): Promise<boolean> {
  // A panel that is already open hears this; one that is opening reads the pending node instead.
  const notice: PanelNotice = { type: 'panel.showNode', nodeId };
  await browser.runtime.sendMessage(notice).catch(() => undefined);
  const sidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  if (sidePanel && tabId !== undefined) {
    await sidePanel.open({ tabId });
    return true;
  }
  if (browser.sidebarAction) {
    // The sidebar is per window, not per tab; when ours is open already it has just heard the notice.
    if (await browser.sidebarAction.isOpen({}).catch(() => false)) return true;
    await browser.sidebarAction.open();
    return true;
  }
  return false;
}
