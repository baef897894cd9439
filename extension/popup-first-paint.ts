/**
 * The popup's header, painted from the tab's own title and URL before React (~250 KB) is evaluated: the
 * header is what the user looks at first, and the bundle would hold the paint back. Runs at the top of the
 * popup's module entry. It uses the browser's own `tabs` API (Promise-based in MV3 Chromium and in Firefox),
 * not the polyfill, which the entry does not load.
 */
import { prepaintHeader, setFirstPaint } from './components/page-header-dom.js';
import { glanceOf, targetTab, type TabsApi } from './popup-target-tab.js';

/** #root once the parser has reached it (a module script normally runs after parsing, so at once). */
function root(): Promise<HTMLElement | null> {
  if (document.readyState !== 'loading') return Promise.resolve(document.getElementById('root'));
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(document.getElementById('root')), { once: true }));
}

export function paintHeaderFirst(): void {
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
}
