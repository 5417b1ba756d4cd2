import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { EXTENSION_DIR } from './launch-extension';

/**
 * End-to-end tests run against the extension exactly as a user loads it, so they build it first.
 * Set E2E_SKIP_BUILD=1 to reuse an existing `.output/chrome-mv3` while iterating on tests.
 */
export default function setup(): void {
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(EXTENSION_DIR)) return;
  execFileSync('npx', ['wxt', 'build', '-b', 'chrome'], { stdio: 'inherit' });
}
