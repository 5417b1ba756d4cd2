import '../../components/card/card.css';
import { mountOverlay } from '../../components/card/mount-overlay';
import { CONTENT_SCRIPT_MATCHES } from '../../lib/page/paper-sites';

export default defineContentScript({
  matches: [...CONTENT_SCRIPT_MATCHES],
  runAt: 'document_end',
  cssInjectionMode: 'ui',
  main: (ctx) => mountOverlay(ctx),
});
