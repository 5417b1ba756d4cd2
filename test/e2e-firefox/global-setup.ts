import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { FIREFOX_EXTENSION_DIR } from './firefox-driver';

/**
 * The Firefox suite runs against the Firefox build exactly as a user loads it, so it builds it first
 * (`npm run build:firefox`). E2E_SKIP_BUILD=1 reuses an existing `.output/firefox-mv2` while iterating.
 */
export default function setup(): void {
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(FIREFOX_EXTENSION_DIR)) return;
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'inherit' });
}
