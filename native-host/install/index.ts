export { install, type InstallResult } from './install.js';
export { uninstall, type UninstallResult } from './uninstall.js';
export type { InstallOptions } from './options.js';
export { BROWSERS, browserTarget, profileTarget, type BrowserId, type Target } from './targets.js';
export { buildManifest, HostManifest } from './manifest.js';
export { launcherScript } from './launcher.js';
