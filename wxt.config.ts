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
});
