/**
 * Whether a Flatpak app may talk to org.freedesktop.Flatpak (what `flatpak-spawn --host` needs).
 * Flatpak merges the app's own metadata with the system then the user override files, each a
 * keyfile whose `[Session Bus Policy]` group maps bus names to none/see/talk/own; a later file
 * wins. Paths as in flatpak's docs (flatpak-override(1), flatpak-metadata(5)).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Env } from '../config.js';
import { FLATPAK_TALK_NAME } from './flatpak-apps.js';

export interface OverrideStatus {
  allowed: boolean;
  /** The file that decided it (null: nothing grants it). */
  source: string | null;
  /** The user override file `flatpak override --user` writes. */
  userOverride: string;
}

/** The policy for `name` in a keyfile's [Session Bus Policy] group, if set. */
export function sessionBusPolicy(text: string, name: string): string | null {
  let inGroup = false;
  let value: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('[')) inGroup = line === '[Session Bus Policy]';
    else if (inGroup) {
      const eq = line.indexOf('=');
      if (eq > 0 && line.slice(0, eq).trim() === name) value = line.slice(eq + 1).trim();
    }
  }
  return value;
}

function read(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

export function flatpakUserDir(home: string, env: Env): string {
  return env.FLATPAK_USER_DIR || path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'flatpak');
}

export function overrideStatus(appId: string, home: string, env: Env, systemDir = env.FLATPAK_SYSTEM_DIR || '/var/lib/flatpak'): OverrideStatus {
  const user = flatpakUserDir(home, env);
  const userOverride = path.join(user, 'overrides', appId);
  // Lowest precedence first: the app's metadata (user or system install), then the overrides.
  const layers = [
    path.join(systemDir, 'app', appId, 'current', 'active', 'metadata'),
    path.join(user, 'app', appId, 'current', 'active', 'metadata'),
    path.join(systemDir, 'overrides', appId),
    userOverride,
  ];
  let decided: { value: string; source: string } | null = null;
  for (const file of layers) {
    const text = read(file);
    const v = text === null ? null : sessionBusPolicy(text, FLATPAK_TALK_NAME);
    if (v) decided = { value: v, source: file };
  }
  const allowed = decided?.value === 'talk' || decided?.value === 'own';
  return { allowed, source: decided?.source ?? null, userOverride };
}
