/** The stand-in catalog with artwork and previews pointed at the local media server, so views and cover embeds work offline. */
import { loadCatalog, type Catalog } from '../../fixtures/providers/servers.js';

export function localCatalog(base: string): Catalog {
  const text = JSON.stringify(loadCatalog())
    .replace(/https:\/\/is1-ssl\.mzstatic\.com\/image\/thumb\/[^"]*?\/(\d+x\d+bb\.jpg)/g, `${base}art/$1`)
    .replace(/https:\/\/audio-ssl\.itunes\.apple\.com\/[^"]*?\.m4a/g, `${base}audio-only.m4a`)
    .replace(/https:\/\/cdnt-preview\.dzcdn\.net\/[^"]*/g, `${base}audio-only.m4a`);
  return JSON.parse(text) as Catalog;
}
