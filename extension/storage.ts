/**
 * Options that live in the browser (the host's config — folder, presets, concurrency — lives in the
 * host and is read/written through config.get/config.set). Parsed with zod so old or hand-edited
 * values fall back to defaults field by field.
 */
import { z } from 'zod';

export const ExtensionOptions = z.object({
  /** Show a notification when a download finishes or fails. Default: true. */
  notify: z.boolean().catch(true),
  /** Pre-select the default audio preset instead of video in the picker. Default: false. */
  preferAudio: z.boolean().catch(false),
  /** Show the media count on the toolbar icon. Default: true. */
  badge: z.boolean().catch(true),
  /** Subtitle languages pre-ticked in the popup when the source has them (e.g. ['en', 'de']). Default: none. */
  subtitleLangs: z.array(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)).max(20).catch([]),
  /** Origins whose browser sign-in (cookies) the user allowed NexStream to use, one job at a time. Default: none. */
  signinSites: z.array(z.string().url().max(300)).max(200).catch([]),
});
export type ExtensionOptions = z.infer<typeof ExtensionOptions>;

export const DEFAULT_OPTIONS: ExtensionOptions = { notify: true, preferAudio: false, badge: true, subtitleLangs: [], signinSites: [] };
export const OPTIONS_KEY = 'local:options' as const;
/** Bump with a migration in OPTIONS_MIGRATIONS when a field changes meaning. */
export const OPTIONS_VERSION = 1;
export const OPTIONS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {};

/** Stored value -> complete options; anything unparsable becomes the default. */
export function parseOptions(raw: unknown): ExtensionOptions {
  const obj = typeof raw === 'object' && raw !== null ? raw : {};
  return ExtensionOptions.parse({ ...DEFAULT_OPTIONS, ...obj });
}
