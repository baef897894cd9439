/** The host manifest, locked to our extension's fixed identity. */
import { z } from 'zod';
import { NATIVE_HOST_NAME } from '../../shared/protocol/index.js';
import { CHROMIUM_ORIGIN, GECKO_EXTENSION_ID } from '../../shared/extension-id.js';

export const HostManifest = z.object({
  name: z.literal(NATIVE_HOST_NAME),
  description: z.string(),
  path: z.string(),
  type: z.literal('stdio'),
  allowed_origins: z.array(z.string()).optional(),
  allowed_extensions: z.array(z.string()).optional(),
});
export type HostManifest = z.infer<typeof HostManifest>;

export function buildManifest(flavor: 'chromium' | 'firefox', launcherPath: string): HostManifest {
  const base: HostManifest = { name: NATIVE_HOST_NAME, description: 'NexStream native host (yt-dlp + FFmpeg)', path: launcherPath, type: 'stdio' };
  return flavor === 'firefox' ? { ...base, allowed_extensions: [GECKO_EXTENSION_ID] } : { ...base, allowed_origins: [CHROMIUM_ORIGIN] };
}

/** True if the file at hand is a manifest we wrote (uninstall removes nothing else). */
export function isOurManifest(text: string): boolean {
  try {
    return HostManifest.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
}
