/** What install wrote, recorded so uninstall removes exactly that and nothing else. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../config/store.js';

export const InstallRecord = z.object({
  manifestPath: z.string(),
  browser: z.string(),
  /** The highest directory install had to create for this manifest (removed again if empty). */
  createdDir: z.string().nullable(),
  registryKey: z.string().optional(),
  /** Flatpak: the launcher copy inside the app dir, and the highest dir created for it. */
  launcher: z.string().optional(),
  launcherCreatedDir: z.string().nullable().optional(),
});
export type InstallRecord = z.infer<typeof InstallRecord>;

export const InstallState = z.object({ launcher: z.string().nullable(), records: z.array(InstallRecord) });
export type InstallState = z.infer<typeof InstallState>;

export const stateFile = (dataDir: string): string => path.join(dataDir, 'install.json');

export function readState(dataDir: string): InstallState {
  try {
    return InstallState.parse(JSON.parse(readFileSync(stateFile(dataDir), 'utf8')));
  } catch {
    return { launcher: null, records: [] };
  }
}

export function writeState(dataDir: string, state: InstallState): void {
  writeFileAtomic(stateFile(dataDir), `${JSON.stringify(state, null, 2)}\n`, 0o644);
}
