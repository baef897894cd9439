/**
 * JIT preview refresh for registry hits: provider preview URLs expire (Deezer's are signed), so
 * on a hit the providers are raced for a fresh one; the first fresh URL wins, bounded by a timeout.
 */
import type { Deezer } from './deezer.js';
import type { ITunes } from './itunes.js';
import type { ProviderName } from './types.js';

export interface FreshPreview {
  provider: ProviderName;
  previewUrl: string;
}

export async function refreshPreview(
  providers: { deezer: Deezer; itunes: ITunes },
  track: { isrc: string; title: string; artists: string[]; durationSec: number | null },
  timeoutMs: number,
): Promise<FreshPreview | null> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(new Error('preview refresh timed out')), timeoutMs);
  const attempts: Promise<FreshPreview>[] = [
    providers.deezer.byIsrc(track.isrc, ctl.signal).then((r) => (r.ok && r.value.previewUrl ? { provider: 'deezer', previewUrl: r.value.previewUrl } : Promise.reject(new Error('none')))),
    providers.itunes
      .search({ artist: track.artists[0] ?? null, title: track.title, durationSec: track.durationSec }, ctl.signal)
      .then((r) => (r.ok && r.value.previewUrl ? { provider: 'itunes', previewUrl: r.value.previewUrl } : Promise.reject(new Error('none')))),
  ];
  const timeout = new Promise<null>((resolve) => ctl.signal.addEventListener('abort', () => resolve(null), { once: true }));
  try {
    return await Promise.race([Promise.any(attempts).catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
    ctl.abort(new Error('done'));
  }
}
