// First: it must run before WXT's context announces itself (see page-guard.ts).
import { guardAgainstThePage } from './page-guard';
import { mountOverlay } from './mount-overlay';
import { CONTENT_SCRIPT_MATCHES } from '../../lib/sites/paper-sites';

export default defineContentScript({
  matches: [...CONTENT_SCRIPT_MATCHES],
  // The lookup by URL starts before the page is parsed; the card waits for DOMContentLoaded.
  runAt: 'document_start',
  // The card's CSS is passed to createShadowRootUi as a string (see mount-overlay.tsx).
  cssInjectionMode: 'manual',
  main: (ctx) => {
    guardAgainstThePage();
    return mountOverlay(ctx);
  },
});
