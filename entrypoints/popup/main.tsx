import '../../components/ui.css';
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { backgroundClient } from '../../components/client';
import { t } from '../../components/i18n';
import { PopupApp } from '../../components/popup/PopupApp';

document.documentElement.lang = browser.i18n.getUILanguage();
// The manifest reads `__MSG_extensionName__` from <title>; the page shows the name in the UI language.
document.title = t('extensionName');
void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
  render(<PopupApp client={backgroundClient} tab={tab?.url ? { url: tab.url, title: tab.title ?? '' } : null} />, document.getElementById('app')!);
});
