/**
 * A classic script at the top of the popup's <head> (see popup/index.html): asks for the tab at once
 * (the lookup overlaps loading the stylesheet and parsing the body) and paints its title as soon as
 * both are there, while React (~250 KB) waits. Wiring only. It uses the browser's own `tabs` API
 * (Promise-based in MV3 Chromium and in Firefox), not the polyfill: it must stay a few KB.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { prepaintHeader, setFirstPaint } from '../components/page-header-dom.js';
import { glanceOf, targetTab, type TabsApi } from '../popup-target-tab.js';

/** #root once the parser has reached it (this script runs before the body exists). */
function root(): Promise<HTMLElement | null> {
  if (document.readyState !== 'loading') return Promise.resolve(document.getElementById('root'));
  return new Promise((resolve) => document.addEventListener('readystatechange', () => resolve(document.getElementById('root')), { once: true }));
}

export default defineUnlistedScript(() => {
  performance.mark('nexstream:first-paint-script');
  const api = globalThis as { browser?: { tabs: TabsApi }; chrome?: { tabs: TabsApi } };
  const tabs = (api.browser ?? api.chrome)?.tabs;
  if (!tabs) return;
  setFirstPaint(
    Promise.all([targetTab(tabs), root()]).then(
      ([tab, el]) => {
        const glance = glanceOf(tab);
        return glance && el ? prepaintHeader(el, glance) : false;
      },
      () => false,
    ),
  );
});
