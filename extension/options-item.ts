import { storage } from 'wxt/utils/storage';
import { DEFAULT_OPTIONS, OPTIONS_KEY, OPTIONS_MIGRATIONS, OPTIONS_VERSION, parseOptions, type ExtensionOptions } from './storage.js';

/** The options as a WXT storage item (browser.storage.local), versioned for migrations. */
const item = storage.defineItem<ExtensionOptions>(OPTIONS_KEY, {
  fallback: DEFAULT_OPTIONS,
  version: OPTIONS_VERSION,
  migrations: OPTIONS_MIGRATIONS,
});

export const loadOptions = async (): Promise<ExtensionOptions> => parseOptions(await item.getValue());
export const saveOptions = (patch: Partial<ExtensionOptions>): Promise<void> =>
  loadOptions().then((cur) => item.setValue(parseOptions({ ...cur, ...patch })));
