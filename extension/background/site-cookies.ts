/** The browser's cookies for one URL, for one job: only for opted-in sites, only with the optional cookies permission. */
import { browser } from 'wxt/browser';
import type { BrowserCookie } from '../../shared/protocol/index.js';
import { loadOptions } from '../options-item.js';
import { isSignedInSite, siteOrigin } from '../signin.js';

export async function siteCookies(url: string): Promise<BrowserCookie[] | undefined> {
  const origin = siteOrigin(url);
  if (!origin || !isSignedInSite((await loadOptions()).signinSites, url)) return undefined;
  const granted = await browser.permissions.contains({ permissions: ['cookies'], origins: [`${origin}/*`] }).catch(() => false);
  if (!granted || !browser.cookies) return undefined;
  // getAll({url}): exactly the cookies the browser itself would send to this address.
  const list = await browser.cookies.getAll({ url });
  return list.map((c) => ({
    domain: c.domain,
    name: c.name,
    value: c.value,
    path: c.path,
    secure: c.secure,
    httpOnly: c.httpOnly,
    hostOnly: c.hostOnly,
    ...(c.expirationDate !== undefined ? { expirationDate: c.expirationDate } : {}),
  }));
}
