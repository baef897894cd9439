/** Speaking to a spawned host: request/reply and "download until done" with timings. */
import type { HostProc } from '../../tests/integration/native-host/host-process.js';
import { nextId } from './context.js';

export async function request(h: HostProc, body: Record<string, unknown>, timeoutMs = 120_000): Promise<Record<string, unknown>> {
  const id = nextId(String(body.type));
  h.send({ id, ...body });
  const res = await h.reply(id, timeoutMs);
  if (res.ok !== true) throw new Error(`${String(body.type)} failed: ${JSON.stringify(res.error)}`);
  return res;
}

/** Round-trip ms of one request. */
export async function timedRequest(h: HostProc, body: Record<string, unknown>): Promise<number> {
  const t0 = performance.now();
  await request(h, body);
  return performance.now() - t0;
}

/** Queues a download and waits for its job.done; returns wall ms from request to done, and the file. */
export async function hostDownload(h: HostProc, url: string, preset: string, outDir: string, timeoutMs = 600_000): Promise<{ ms: number; path: string }> {
  const t0 = performance.now();
  const res = await request(h, { type: 'download', url, preset, outDir });
  const jobId = (res.result as { jobId: string }).jobId;
  const end = await h.waitFor((m) => (m.event === 'job.done' || m.event === 'job.failed') && m.jobId === jobId, timeoutMs);
  const ms = performance.now() - t0;
  if (end.event !== 'job.done') throw new Error(`download failed: ${JSON.stringify(end.error)}`);
  return { ms, path: String(end.path) };
}
