import { storage } from 'wxt/utils/storage';
import { DEFAULT_OPTIONS, OPTIONS_KEY, OPTIONS_MIGRATIONS, OPTIONS_VERSION, parseOptions, type ExtensionOptions } from './storage.js';

type OptionsItem = ReturnType<typeof defineOptionsItem>;
const defineOptionsItem = () =>
  storage.defineItem<ExtensionOptions>(OPTIONS_KEY, { fallback: DEFAULT_OPTIONS, version: OPTIONS_VERSION, migrations: OPTIONS_MIGRATIONS });

/**
 * The options as a WXT storage item (browser.storage.local), versioned for migrations. Defined on first use:
 * defining it starts the migration, which must not run merely because a module imported this one.
 */
let item: OptionsItem | null = null;
const options = (): OptionsItem => (item ??= defineOptionsItem());

export const loadOptions = async (): Promise<ExtensionOptions> => parseOptions(await options().getValue());
export const saveOptions = (patch: Partial<ExtensionOptions>): Promise<void> =>
  loadOptions().then((cur) => options().setValue(parseOptions({ ...cur, ...patch })));
