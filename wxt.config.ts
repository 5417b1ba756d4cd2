import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { SAVE_PAPER_COMMAND } from './lib/background/commands';
import { localeMessagesJson } from './lib/i18n/messages';
import { splitKatexCss } from './lib/latex/katex-css';
import { CONTENT_SCRIPT_MATCHES } from './lib/page/paper-sites';

const KATEX_DIST = join(import.meta.dirname, 'node_modules', 'katex', 'dist');

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    // storage/unlimitedStorage: the database outlives eviction; contextMenus: "Save to reading list";
    // sidePanel: the panel a card's breadcrumb opens.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'sidePanel'],
    commands: {
      [SAVE_PAPER_COMMAND]: { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_saveCommand__' },
    },
    // The toolbar button carries the badge that says a PDF tab's paper has a digest.
    action: { default_title: '__MSG_extensionName__' },
    host_permissions: CONTENT_SCRIPT_MATCHES,
    // The card's KaTeX stylesheet and fonts are loaded by the page's renderer, so it must be allowed to read them.
    web_accessible_resources: [{ resources: ['katex/*'], matches: CONTENT_SCRIPT_MATCHES }],
  },
  hooks: {
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
