import '../../components/ui.css';
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { backgroundClient } from '../../components/client';
import { t } from '../../components/i18n';
import { PopupApp, type ActiveTab } from '../../components/popup/PopupApp';

document.documentElement.lang = browser.i18n.getUILanguage();
// The manifest reads `__MSG_extensionName__` from <title>; the page shows the name in the UI language.
document.title = t('extensionName');
// Drawn at once: the tab's paper follows when the browser has said which tab is active.
const activeTab: Promise<ActiveTab | null> = browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => (tab?.url ? { url: tab.url, title: tab.title ?? '' } : null));
render(<PopupApp client={backgroundClient} activeTab={activeTab} />, document.getElementById('app')!);
