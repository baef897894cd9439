import { defineConfig } from 'wxt';
import { EXTENSION_PUBLIC_KEY, GECKO_EXTENSION_ID } from './shared/extension-id';

// Entry points only wire; logic lives in extension/* modules (see ../shared/style.md).
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  // One promise-based `browser` API (webextension-polyfill) for Chromium and Firefox alike.
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Vite's modulepreload polyfill is for browsers without <link rel="modulepreload">; Chromium has it and so
  // does Firefox since 115, our minimum. It is code every page would run before it can be shown.
  vite: () => ({ build: { modulePreload: { polyfill: false } } }),
  manifest: ({ browser }) => ({
    name: 'NexStream',
    description: 'Turn the page you are on into a clean media file, with yt-dlp and FFmpeg on your machine.',
    permissions: ['nativeMessaging', 'contextMenus', 'notifications', 'storage', 'tabs', 'webRequest', 'activeTab', 'scripting'],
    host_permissions: ['<all_urls>'],
    // Asked for at the moment a user opts a site in to "Use my browser's sign-in" (extension/signin.ts).
    optional_permissions: ['cookies'],
    action: { default_title: 'NexStream' },
    commands: { 'resolve-track': { suggested_key: { default: 'Alt+Shift+R' }, description: 'Resolve this track (the current tab)' } },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: GECKO_EXTENSION_ID, strict_min_version: '115.0' } } }
      : { key: EXTENSION_PUBLIC_KEY }),
  }),
});
