/**
 * Flatpak browsers. Each keeps its config inside `~/.var/app/<app-id>/` (the sandbox sees that dir at
 * the same path), so the manifest and a copy of the launcher go there. App ids and dirs: Flathub,
 * and vdhcoapp's config.toml (which registers its companion for the same apps).
 */
import type { Flavor } from './browsers.js';

export interface FlatpakApp {
  appId: string;
  name: string;
  flavor: Flavor;
  /** The manifest dir, relative to ~/.var/app/<app-id>. */
  manifestDir: string;
}

export const FLATPAK_APPS: readonly FlatpakApp[] = [
  { appId: 'org.chromium.Chromium', name: 'Chromium (Flatpak)', flavor: 'chromium', manifestDir: 'config/chromium/NativeMessagingHosts' },
  { appId: 'com.google.Chrome', name: 'Google Chrome (Flatpak)', flavor: 'chromium', manifestDir: 'config/google-chrome/NativeMessagingHosts' },
  { appId: 'com.google.ChromeDev', name: 'Google Chrome Dev (Flatpak)', flavor: 'chromium', manifestDir: 'config/google-chrome-unstable/NativeMessagingHosts' },
  { appId: 'com.brave.Browser', name: 'Brave (Flatpak)', flavor: 'chromium', manifestDir: 'config/BraveSoftware/Brave-Browser/NativeMessagingHosts' },
  { appId: 'com.microsoft.Edge', name: 'Microsoft Edge (Flatpak)', flavor: 'chromium', manifestDir: 'config/microsoft-edge/NativeMessagingHosts' },
  { appId: 'com.microsoft.EdgeDev', name: 'Microsoft Edge Dev (Flatpak)', flavor: 'chromium', manifestDir: 'config/microsoft-edge-dev/NativeMessagingHosts' },
  { appId: 'io.github.ungoogled_software.ungoogled_chromium', name: 'Ungoogled Chromium (Flatpak)', flavor: 'chromium', manifestDir: 'config/chromium/NativeMessagingHosts' },
  { appId: 'com.vivaldi.Vivaldi', name: 'Vivaldi (Flatpak)', flavor: 'chromium', manifestDir: 'config/vivaldi/NativeMessagingHosts' },
  { appId: 'com.opera.Opera', name: 'Opera (Flatpak)', flavor: 'chromium', manifestDir: 'config/opera/NativeMessagingHosts' },
  { appId: 'org.mozilla.firefox', name: 'Firefox (Flatpak)', flavor: 'firefox', manifestDir: '.mozilla/native-messaging-hosts' },
  { appId: 'io.gitlab.librewolf-community', name: 'LibreWolf (Flatpak)', flavor: 'firefox', manifestDir: '.librewolf/native-messaging-hosts' },
  { appId: 'net.waterfox.waterfox', name: 'Waterfox (Flatpak)', flavor: 'firefox', manifestDir: '.waterfox/native-messaging-hosts' },
];

export const flatpakApp = (appId: string): FlatpakApp | undefined => FLATPAK_APPS.find((a) => a.appId === appId);

/** The D-Bus name `flatpak-spawn --host` talks to; a sandbox may reach it only with an override. */
export const FLATPAK_TALK_NAME = 'org.freedesktop.Flatpak';
export const overrideCommand = (appId: string): string => `flatpak override --user --talk-name=${FLATPAK_TALK_NAME} ${appId}`;
