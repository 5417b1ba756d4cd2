import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { SAVE_PAPER_COMMAND, SWITCH_VIEW_COMMAND } from './lib/background/commands';
import { FEED_HOST_PERMISSIONS } from './lib/feeds/github-urls';
import { localeMessagesJson } from './lib/i18n/ui-strings';
import { splitKatexCss } from './lib/latex/katex-css';
import { CONTENT_SCRIPT_MATCHES } from './lib/sites/paper-sites';
import { zoteroOriginPattern } from './lib/zotero/connector-client';

const KATEX_DIST = join(import.meta.dirname, 'node_modules', 'katex', 'dist');

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  // No manifestVersion: WXT builds Chrome as MV3 (.output/chrome-mv3) and Firefox as MV2 (.output/firefox-mv2),
  // where the paper sites are granted with the add-on and cannot be withdrawn one by one (README, Browsers).
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    // unlimitedStorage: the IndexedDB database outlives eviction (IndexedDB itself needs no permission, and
    // nothing uses browser.storage); contextMenus: "Save to reading list"; sidePanel (Chrome only): the panel a
    // card's breadcrumb opens. Firefox's sidebar needs no permission.
    // alarms: the daily check of digest feeds. storage: the reading list's opt-in sync through storage.sync (see the README's permissions table).
    // Naming a PDF tab after its paper, in the viewer no content script reaches: scripting in Chrome sets its title;
    // webRequest and webRequestBlocking in Firefox give the PDF's response the file name its viewer titles the tab with.
    permissions: ['unlimitedStorage', 'storage', 'contextMenus', 'alarms', ...(browser === 'firefox' ? ['webRequest', 'webRequestBlocking'] : ['sidePanel', 'scripting'])],
    commands: {
      [SAVE_PAPER_COMMAND]: { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_saveCommand__' },
      [SWITCH_VIEW_COMMAND]: { suggested_key: { default: 'Alt+Shift+V' }, description: '__MSG_switchViewCommand__' },
    },
    // The toolbar button carries the badge that says a PDF tab's paper has a digest (browser_action in MV2).
    action: { default_title: '__MSG_extensionName__' },
    // MV2 builds move these into permissions.
    host_permissions: CONTENT_SCRIPT_MATCHES,
    // Optional origins, each asked for only when used. Zotero desktop's connector on this computer, for *Save to
    // Zotero*, asked for on the first save, so nobody who never uses Zotero grants it; GitHub's API and raw files,
    // for digest feeds, asked for in the click that subscribes (without them no request leaves the browser).
    // MV2 (Firefox) lists optional origins among optional_permissions.
    ...(browser === 'firefox'
      ? { optional_permissions: [zoteroOriginPattern(browser), ...FEED_HOST_PERMISSIONS] }
      : { optional_host_permissions: [zoteroOriginPattern(browser), ...FEED_HOST_PERMISSIONS] }),
    // The card's KaTeX stylesheet and fonts are loaded by the page's renderer, so it must be allowed to read them.
    web_accessible_resources: [{ resources: ['katex/*'], matches: CONTENT_SCRIPT_MATCHES }],
    // 123: the card's colours use light-dark() (sidePanel needs 114).
    ...(browser !== 'firefox' && { minimum_chrome_version: '123' }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          // Never change it once published: a new id is a new add-on, without its listing, updates or the user's data.
          id: 'arxiv-digest-companion@example.org',
          // 140 (ESR): the first with the built-in data-collection consent; Intl.Segmenter needs 125, event pages 106.
          strict_min_version: '140.0',
          // The extension sends nothing anywhere: it reads its own bundled files and the pages it is shown.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  // `npm run zip`: the Chrome and Firefox zips, and for Firefox's review the sources a reviewer rebuilds the
  // same Firefox zip from (README, Packages). Only what the build reads: no tests, no build output, no node_modules.
  // A file WXT finds is zipped when it matches includeSources, whatever excludeSources says, so this is a list.
  zip: {
    includeSources: [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'tsconfig.json',
      'eslint.config.js',
      'README.md',
      'entrypoints/**',
      'components/**',
      'lib/**',
      'data/sources/**',
      'data/tools/**',
    ],
    excludeSources: ['**/*'],
  },
  hooks: {
    // Firefox's MV2 default (browser_style: true) would add its own stylesheet to the sidebar and the options
    // page; they carry their own styles, as in Chrome. An entrypoint's explicit choice stands.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'firefox') return;
      for (const page of [manifest.sidebar_action, manifest.options_ui] as ({ browser_style?: boolean } | undefined)[]) {
        if (page) page.browser_style ??= false;
      }
    },
    // The corpus is rebuilt from data/sources/ on every build, so a build can never ship a stale one.
    'build:publicAssets': async (_wxt, files) => {
      const { buildProjectCorpus, PROJECT_ROOT, readSources } = await import('./data/tools/corpus-sources');
      const { shippedRepairModelJson } = await import('./data/tools/repair-model');
      const { corpus } = buildProjectCorpus();
      files.push({ contents: JSON.stringify(corpus), relativeDest: 'corpus.json' });
      // Read on every worker start to decide whether to re-seed, so it must stay tiny.
      files.push({ contents: JSON.stringify({ hash: corpus.hash, schemaVersion: corpus.schemaVersion }), relativeDest: 'corpus-version.json' });
      // The importer repairs a damaged digest file with it; it is fetched only when one is imported.
      files.push({ contents: shippedRepairModelJson(PROJECT_ROOT, readSources()), relativeDest: 'repair-model.json' });
      for (const locale of ['en', 'zh_CN'] as const) {
        files.push({ contents: JSON.stringify(localeMessagesJson(locale), null, 1), relativeDest: `_locales/${locale}/messages.json` });
      }
      const katex = splitKatexCss(readFileSync(join(KATEX_DIST, 'katex.min.css'), 'utf8'));
      files.push({ contents: katex.rules, relativeDest: 'katex/rules.css' });
      files.push({ contents: katex.fontFaces, relativeDest: 'katex/fonts.css' });
      for (const font of readdirSync(join(KATEX_DIST, 'fonts')).filter((file) => file.endsWith('.woff2'))) {
        files.push({ absoluteSrc: join(KATEX_DIST, 'fonts', font), relativeDest: `katex/fonts/${font}` });
      }
    },
  },
});
