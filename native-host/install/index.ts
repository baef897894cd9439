/** Registering the native host with the browsers, as `nexstream install` / `uninstall` use it. */
export { install, type InstallResult } from './install.js';
export { uninstall, type UninstallResult } from './uninstall.js';
export type { InstallOptions } from './options.js';
export { BROWSERS } from './targets.js';
export { launcherScript } from './launcher.js';
