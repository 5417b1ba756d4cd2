import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

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
    name: 'arXiv Digest Companion',
    description: 'Offline bilingual digests and a diffusion-method taxonomy for arXiv papers.',
    permissions: ['storage', 'unlimitedStorage'],
  },
  hooks: {
    // The corpus is rebuilt from data/sources/ on every build, so a build can never ship a stale one.
    'build:publicAssets': async (_wxt, files) => {
      const { buildProjectCorpus } = await import('./data/tools/corpus-sources');
      const { corpus } = buildProjectCorpus();
      files.push({ contents: JSON.stringify(corpus), relativeDest: 'corpus.json' });
      // Read on every worker start to decide whether to re-seed, so it must stay tiny.
      files.push({ contents: JSON.stringify({ hash: corpus.hash, schemaVersion: corpus.schemaVersion }), relativeDest: 'corpus-version.json' });
    },
  },
});
