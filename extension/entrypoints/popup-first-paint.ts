/**
 * A classic script the popup loads before its module bundle (see popup/index.html): asks for the
 * tab and paints its title at once, while React (~250 KB) is still loading. Wiring only.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { prepaintHeader } from '../components/page-header-dom.js';
import { glanceOf, targetTab } from '../popup-target-tab.js';

export default defineUnlistedScript(() => {
  performance.mark('nexstream:first-paint-script');
  const root = document.getElementById('root');
  if (!root) return;
  void targetTab().then((tab) => {
    const glance = glanceOf(tab);
    if (glance) prepaintHeader(root, glance);
  }, () => undefined);
});
