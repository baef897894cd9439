/** The host's configuration: the only place secrets live. See config/ for the parts. */
export { loadConfig, readConfigFile, CONFIG_FILE_NAME, type LoadOptions } from './config/load.js';
export { ConfigStore, writeFileAtomic } from './config/store.js';
export { toPublicConfig, secretValues } from './config/public.js';
export { ConfigFile, type HostConfig } from './config/schema.js';
export { platformInfo, expandHome, type Env, type PlatformInfo } from './config/paths.js';
