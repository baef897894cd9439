/**
 * kill -9 of the host in the middle of a download: no final file appears, the `.nexstream.part` is
 * removed by the next host start, and the registry file the host had open is intact.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegistry } from '../../native-host/registry/index.js';
import { makeMedia } from '../fixtures/make-media.js';
import { startMediaServer, type MediaServer } from '../fixtures/media-server.js';
import { processesMentioning, waitUntil } from '../integration/native-host/media-env.js';
import { faultEnv, type FaultEnv } from './fault-env.js';

let env: FaultEnv;
let media: string;
let server: MediaServer;
beforeAll(async () => {
  env = await faultEnv();
  media = env.tmp('k9-media');
  await makeMedia(media, 'direct-mp4', { durationSec: 6, title: 'Kill Nine Clip' });
  server = await startMediaServer(media);
}, 120_000);
afterAll(async () => {
  await server?.close();
  env?.dispose();
});

/** Downloads, kills the host with SIGKILL once the job is running, and returns where things were left. */
async function killMidDownload(out: string, hostEnv: Record<string, string>, throttle: string): Promise<void> {
  const h = env.start(hostEnv);
  h.send({ id: 'd', type: 'download', url: `${server.url}direct.mp4?${throttle}`, preset: 'mp4-360', outDir: out });
  const res = await h.reply('d', 15_000);
  const jobId = (res.result as { jobId: string }).jobId;
  await h.waitFor((m) => m.event === 'job.progress' && m.jobId === jobId && Number((m.progress as { percent: number | null }).percent) > 1, 60_000);
  expect(readdirSync(out).some((f) => f.endsWith('.nexstream.part'))).toBe(true);
  h.child.kill('SIGKILL');
  await h.exited;
}

describe('kill -9 mid-download', () => {
  it('no final file appears and the registry the host had open is intact', async () => {
    const out = env.tmp('k9-out');
    const data = env.tmp('k9-data');
    const registryPath = path.join(data, 'registry.db');
    // A registry with a row in it, as a host that has resolved tracks before would have.
    const reg = await openRegistry({ localPath: registryPath });
    await reg.putOverride({ key: 'text:before kill', isrc: null, videoId: 'dQw4w9WgXcQ', videoUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }, []);
    await reg.close();
    const throttle = 'throttle=200001';
    await killMidDownload(out, { NEXSTREAM_DOWNLOAD_DIR: out, NEXSTREAM_DATA_DIR: data }, throttle);
    // Only the host renames: no final file, whatever its tools did after it died.
    await waitUntil(() => processesMentioning(throttle).length === 0, 30_000);
    expect(readdirSync(out).filter((f) => !f.endsWith('.nexstream.part'))).toEqual([]);

    const db = createClient({ url: `file:${registryPath}` });
    const check = await db.execute('PRAGMA integrity_check');
    expect(String(check.rows[0]?.[0])).toBe('ok');
    const rows = await db.execute({ sql: 'SELECT video_id FROM overrides WHERE key = ?', args: ['text:before kill'] });
    expect(rows.rows.length).toBe(1);
    db.close();
  }, 120_000);

  // ffmpeg ignores SIGPIPE, so it used to outlive a killed host as an orphan writing the .part: tools now get the
  // kernel's parent-death signal (media/death-signal.ts), and the next start removes a dead host's part at once.
  it('no ffmpeg outlives the host, and the next start removes the .part', async () => {
    const out = env.tmp('k9-out2');
    const throttle = 'throttle=60002';
    await killMidDownload(out, { NEXSTREAM_DOWNLOAD_DIR: out }, throttle);
    const orphanGone = await waitUntil(() => processesMentioning(throttle).length === 0, 3_000);
    for (const pid of processesMentioning(throttle)) process.kill(pid, 'SIGKILL');
    const next = env.start({ NEXSTREAM_DOWNLOAD_DIR: out });
    next.send({ id: 'p', type: 'ping' });
    await next.reply('p', 15_000);
    const swept = await waitUntil(() => readdirSync(out).length === 0, 3_000);
    next.child.stdin.end();
    await next.exited;
    expect(orphanGone).toBe(true);
    expect(swept).toBe(true);
  }, 60_000);
});
