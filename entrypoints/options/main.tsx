import '../../components/ui.css';
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { backgroundClient } from '../../components/client';
import { t } from '../../components/i18n';
import { OptionsApp } from '../../components/options/OptionsApp';
import ImportWorker from './import-worker.ts?worker';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('optionsTitle');
render(
  <OptionsApp client={backgroundClient} startWorker={() => new ImportWorker()} />,
  document.getElementById('app')!,
);
