/**
 * The popup's module entry: small on purpose. The header painted by popup-first-paint.js reaches the
 * screen first; only then is the React app (~250 KB, preloaded meanwhile) evaluated and rendered.
 */
import { firstPaintDone } from '../../components/page-header-dom.js';
import '../../components/popup.css';

performance.mark('nexstream:popup-script');
// Capped: a popup whose frames are throttled (opened as a background page) must not wait long.
void firstPaintDone(100).then(() => import('./popup-app.js'));
