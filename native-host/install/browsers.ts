/**
 * Every browser NexStream registers with, and where each reads native-messaging host manifests.
 * Chromium-family browsers read `<user data dir>/NativeMessagingHosts` on Linux and macOS and a
 * HKCU key on Windows (Vivaldi, Opera and Chrome's Beta/Dev/Canary channels read Chrome's key);
 * Firefox-family browsers read their own `native-messaging-hosts` dir / Mozilla-style key.
 * Sources: Chrome's and MDN's native messaging docs, and peer installers that register many
 * browsers (Video DownloadHelper's vdhcoapp config.toml, home-manager's mozilla module).
 */

export type Flavor = 'chromium' | 'firefox';

export interface BrowserSpec {
  id: string;
  name: string;
  flavor: Flavor;
  /** Paths relative to HOME. `dataDir`: exists once the browser has run (detection). */
  linux: { manifestDir: string; dataDir: string; exes: string[] };
  darwin: { manifestDir: string; dataDir: string; app: string };
  /** `key` under HKCU\Software; `folder`: our manifest's folder (shared keys share one file); `dataDir` under %LOCALAPPDATA% or %APPDATA%. */
  win32: { key: string; folder: string; dataDir: string; base: 'local' | 'roaming' };
}

const AS = 'Library/Application Support';
const CHROME_KEY = { key: 'Google\\Chrome', folder: 'chrome' };

/** A Chromium-family browser whose manifest dir is `<data dir>/NativeMessagingHosts`. */
function chromium(id: string, name: string, linuxData: string, exes: string[], macData: string, app: string, win: BrowserSpec['win32']): BrowserSpec {
  return {
    id,
    name,
    flavor: 'chromium',
    linux: { manifestDir: `${linuxData}/NativeMessagingHosts`, dataDir: linuxData, exes },
    darwin: { manifestDir: `${AS}/${macData}/NativeMessagingHosts`, dataDir: `${AS}/${macData}`, app },
    win32: win,
  };
}

export const BROWSER_SPECS: readonly BrowserSpec[] = [
  chromium('chrome', 'Google Chrome', '.config/google-chrome', ['google-chrome', 'google-chrome-stable'], 'Google/Chrome', 'Google Chrome.app', { ...CHROME_KEY, dataDir: 'Google\\Chrome\\User Data', base: 'local' }),
  chromium('chrome-beta', 'Google Chrome Beta', '.config/google-chrome-beta', ['google-chrome-beta'], 'Google/Chrome Beta', 'Google Chrome Beta.app', { ...CHROME_KEY, dataDir: 'Google\\Chrome Beta\\User Data', base: 'local' }),
  chromium('chrome-dev', 'Google Chrome Dev', '.config/google-chrome-unstable', ['google-chrome-unstable'], 'Google/Chrome Dev', 'Google Chrome Dev.app', { ...CHROME_KEY, dataDir: 'Google\\Chrome Dev\\User Data', base: 'local' }),
  chromium('chrome-canary', 'Google Chrome Canary', '.config/google-chrome-canary', ['google-chrome-canary'], 'Google/Chrome Canary', 'Google Chrome Canary.app', { ...CHROME_KEY, dataDir: 'Google\\Chrome SxS\\User Data', base: 'local' }),
  chromium('chromium', 'Chromium', '.config/chromium', ['chromium', 'chromium-browser'], 'Chromium', 'Chromium.app', { key: 'Chromium', folder: 'chromium', dataDir: 'Chromium\\User Data', base: 'local' }),
  chromium('edge', 'Microsoft Edge', '.config/microsoft-edge', ['microsoft-edge', 'microsoft-edge-stable'], 'Microsoft Edge', 'Microsoft Edge.app', { key: 'Microsoft\\Edge', folder: 'edge', dataDir: 'Microsoft\\Edge\\User Data', base: 'local' }),
  chromium('brave', 'Brave', '.config/BraveSoftware/Brave-Browser', ['brave-browser', 'brave'], 'BraveSoftware/Brave-Browser', 'Brave Browser.app', { key: 'BraveSoftware\\Brave-Browser', folder: 'brave', dataDir: 'BraveSoftware\\Brave-Browser\\User Data', base: 'local' }),
  chromium('vivaldi', 'Vivaldi', '.config/vivaldi', ['vivaldi', 'vivaldi-stable'], 'Vivaldi', 'Vivaldi.app', { ...CHROME_KEY, dataDir: 'Vivaldi\\User Data', base: 'local' }),
  chromium('opera', 'Opera', '.config/opera', ['opera'], 'com.operasoftware.Opera', 'Opera.app', { ...CHROME_KEY, dataDir: 'Opera Software\\Opera Stable', base: 'roaming' }),
  {
    id: 'firefox',
    name: 'Firefox',
    flavor: 'firefox',
    linux: { manifestDir: '.mozilla/native-messaging-hosts', dataDir: '.mozilla/firefox', exes: ['firefox', 'firefox-esr'] },
    darwin: { manifestDir: `${AS}/Mozilla/NativeMessagingHosts`, dataDir: `${AS}/Firefox`, app: 'Firefox.app' },
    win32: { key: 'Mozilla', folder: 'firefox', dataDir: 'Mozilla\\Firefox', base: 'roaming' },
  },
  {
    id: 'librewolf',
    name: 'LibreWolf',
    flavor: 'firefox',
    linux: { manifestDir: '.librewolf/native-messaging-hosts', dataDir: '.librewolf', exes: ['librewolf'] },
    darwin: { manifestDir: `${AS}/LibreWolf/NativeMessagingHosts`, dataDir: `${AS}/librewolf`, app: 'LibreWolf.app' },
    win32: { key: 'LibreWolf', folder: 'librewolf', dataDir: 'librewolf', base: 'roaming' },
  },
  {
    id: 'waterfox',
    name: 'Waterfox',
    flavor: 'firefox',
    linux: { manifestDir: '.waterfox/native-messaging-hosts', dataDir: '.waterfox', exes: ['waterfox'] },
    darwin: { manifestDir: `${AS}/Waterfox/NativeMessagingHosts`, dataDir: `${AS}/Waterfox`, app: 'Waterfox.app' },
    win32: { key: 'Waterfox', folder: 'waterfox', dataDir: 'Waterfox', base: 'roaming' },
  },
];

export const BROWSER_IDS = BROWSER_SPECS.map((b) => b.id);
export const browserSpec = (id: string): BrowserSpec | undefined => BROWSER_SPECS.find((b) => b.id === id);
