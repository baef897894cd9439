/** Download through a spawned host and wait for how it ended. */
import type { HostProc } from '../integration/native-host/host-process.js';

let n = 0;
export type Outcome = { ok: true; path: string; jobId: string } | { ok: false; code: string; jobId: string | null };

export async function hostDownloadOutcome(h: HostProc, url: string, preset: string, outDir: string, timeoutMs = 60_000): Promise<Outcome> {
  const id = `dl-${++n}`;
  h.send({ id, type: 'download', url, preset, outDir });
  const res = await h.reply(id, 15_000);
  if (res.ok !== true) return { ok: false, code: (res.error as { code: string }).code, jobId: null };
  const jobId = (res.result as { jobId: string }).jobId;
  const end = await h.waitFor((m) => (m.event === 'job.done' || m.event === 'job.failed') && m.jobId === jobId, timeoutMs);
  return end.event === 'job.done' ? { ok: true, path: String(end.path), jobId } : { ok: false, code: (end.error as { code: string }).code, jobId };
}
