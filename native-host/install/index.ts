/** Registering the native host with the browsers, as `nexstream install` / `uninstall` use it. */
export { install, type InstallResult } from './install.js';
export { uninstall, type UninstallResult } from './uninstall.js';
export type { InstallOptions } from './options.js';
export { BROWSERS, browserTarget, profileTarget, knownIds, type BrowserId, type Target } from './targets.js';
export { BROWSER_SPECS, type BrowserSpec } from './browsers.js';
export { FLATPAK_APPS, overrideCommand } from './flatpak-apps.js';
export { detectBrowsers, type Found } from './detect.js';
export { buildManifest, HostManifest } from './manifest.js';
export { launcherScript } from './launcher.js';
