import '../../components/ui.css';
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { backgroundClient } from '../../components/client';
import { t } from '../../components/i18n';
import { SidePanelApp } from '../../components/sidepanel/SidePanelApp';

document.documentElement.lang = browser.i18n.getUILanguage();
// The manifest reads `__MSG_extensionName__` from <title>; the page shows the name in the UI language.
document.title = t('extensionName');
render(<SidePanelApp client={backgroundClient} />, document.getElementById('app')!);
