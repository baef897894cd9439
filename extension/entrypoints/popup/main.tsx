/**
 * The popup's module entry and its only script tag: small on purpose. A Chromium popup is shown once its
 * document has loaded, so every script the page must fetch first delays it (a separate classic first-paint
 * script cost ~20 ms here). It paints the header at once; the React app is imported only after that paint.
 */
import { firstPaintDone } from '../../components/page-header-dom.js';
import { paintHeaderFirst } from '../../popup-first-paint.js';
import '../../components/popup.css';

performance.mark('nexstream:popup-script');
paintHeaderFirst();
// Capped: a popup whose frames are throttled (opened as a background page) must not wait long.
void firstPaintDone(100).then(() => import('./popup-app.js'));
