/** Number formatting for the popup: sizes, durations, speeds, ETAs. */

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** 1536 -> "1.5 KB", 12_345_678 -> "12 MB" (3 significant digits at most). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  let v = bytes;
  let u = 0;
  while (v >= 1000 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  const digits = u === 0 || v >= 100 ? 0 : v >= 10 ? 1 : 1;
  return `${v.toFixed(digits).replace(/\.0$/, '')} ${UNITS[u]}`;
}

/** An estimate: "~12 MB". Empty when the host could not estimate. */
export function formatApproxSize(bytes: number | undefined): string {
  return bytes == null || bytes <= 0 ? '' : `~${formatBytes(bytes)}`;
}

/** 65 -> "1:05", 3723 -> "1:02:03". */
export function formatDuration(sec: number | null | undefined): string {
  if (sec == null || !Number.isFinite(sec) || sec < 0) return '';
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}

export function formatSpeed(bytesPerSec: number | null | undefined): string {
  return bytesPerSec == null || bytesPerSec <= 0 ? '' : `${formatBytes(bytesPerSec)}/s`;
}

/** "12 s left", "3 min left", "1 h 5 min left". */
export function formatEta(sec: number | null | undefined): string {
  if (sec == null || !Number.isFinite(sec) || sec < 0) return '';
  const s = Math.round(sec);
  if (s < 60) return `${s} s left`;
  if (s < 3600) return `${Math.round(s / 60)} min left`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min left`;
}

export function hostnameOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
