import browser from 'webextension-polyfill';
import { SWITCH_VIEW_COMMAND } from '../../lib/background/commands';
import { nextPaperViewUrl } from '../../lib/page/paper-views';

/** Alt+Shift+V: the active tab goes round the paper's abs, PDF and HTML pages on arXiv. */
export function registerViewSwitch(): void {
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== SWITCH_VIEW_COMMAND) return;
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    const next = tab?.url ? nextPaperViewUrl(tab.url) : null;
    if (tab?.id !== undefined && next) await browser.tabs.update(tab.id, { url: next });
  });
}
