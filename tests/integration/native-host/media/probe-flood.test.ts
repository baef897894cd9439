/**
 * A probe flood through the real host against a URL that never answers (slow-loris headers): a census of
 * the host's yt-dlp children shows the gate's bound, the host keeps answering, doctor shows the count,
 * and closing the port leaves no process behind.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileServer, type HostileServer } from '../../../fixtures/hostile-media-server.js';
import { buildHost, startHost, type HostProc } from '../host-process.js';
import { waitNoProcesses } from './helpers.js';

let built: Awaited<ReturnType<typeof buildHost>>;
let srv: HostileServer;
let dir: string;
const procs: HostProc[] = [];
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'nexstream-flood-'));
  writeFileSync(path.join(dir, 'clip.mp4'), Buffer.alloc(1024));
  [built, srv] = await Promise.all([buildHost(), startHostileServer(dir, { slowMs: 300 })]);
}, 60_000);
afterAll(async () => {
  for (const p of procs) p.cleanup();
  built?.dispose();
  await srv?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * yt-dlp runs (not the death-signal guard around them) whose parent chain reaches `root`. A process whose parent
 * is itself yt-dlp is not another run: yt-dlp forks helpers at start-up (`file -b python3`, `ldconfig`), and
 * until such a fork execs it carries yt-dlp's own argv, -J included (seen here under load: the "2 for one
 * shared probe" that once failed this test was the run and its pre-exec fork, pids parent and child).
 */
function ytdlpUnder(root: number): number {
  const parent = new Map<number, number>();
  const isYtdlp = new Set<number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const m = /\) (\S) (\d+)/.exec(stat);
      if (!m || m[1] === 'Z') continue;
      parent.set(Number(d), Number(m[2]));
      const argv = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
      // yt-dlp is a Python script: argv[0] is python (or yt-dlp itself), and argv holds the -J flag.
      if (argv.some((a) => /yt-dlp|yt_dlp/.test(a)) && argv.includes('-J') && !/node/.test(argv[0] ?? '')) isYtdlp.add(Number(d));
    } catch {
      /* exited meanwhile */
    }
  }
  const under = (pid: number): boolean => {
    for (let p = parent.get(pid); p; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  return [...isYtdlp].filter((pid) => under(pid) && !isYtdlp.has(parent.get(pid) ?? 0)).length;
}

/**
 * Peak count over `ms` from the first yt-dlp seen (waiting up to 15 s for one): under load the first spawn can
 * come later than a window started with the flood, which then saw none at all.
 */
async function census(root: number, ms: number): Promise<number> {
  const first = Date.now() + 15_000;
  let peak = 0;
  let end = 0;
  while (end ? Date.now() < end : Date.now() < first) {
    peak = Math.max(peak, ytdlpUnder(root));
    if (peak && !end) end = Date.now() + ms;
    await new Promise((r) => setTimeout(r, 100));
  }
  return peak;
}

describe('probe flood through the host', () => {
  it('150 probes of one hanging URL share one yt-dlp; 150 distinct ones run 3 at a time, 64 wait, the rest are refused', async () => {
    const h = startHost(built.entry, { NEXSTREAM_PROBE_TIMEOUT_SEC: '120' });
    procs.push(h);
    const pid = h.child.pid ?? 0;
    // A host that is up before the flood: its start-up is not what the census measures.
    h.send({ id: 'up', type: 'ping' });
    await h.reply('up', 30_000);
    for (let i = 0; i < 150; i++) h.send({ id: `s${i}`, type: 'probe', url: srv.at('slowloris', 'clip.mp4') });
    const shared = await census(pid, 3000);

    for (let i = 0; i < 150; i++) h.send({ id: `d${i}`, type: 'probe', url: `${srv.at('slowloris', 'clip.mp4')}?n=${i}` });
    const t0 = Date.now();
    h.send({ id: 'ping', type: 'ping' });
    await h.reply('ping', 5000);
    const pingMs = Date.now() - t0;
    const distinct = await census(pid, 3000);
    const refused = await Promise.all(Array.from({ length: 150 }, (_, i) => h.reply(`d${i}`, 50).catch(() => null)));
    const queueFull = refused.filter((r) => (r as { error?: { code: string } } | null)?.error?.code === 'job.queue_full').length;

    h.send({ id: 'doc', type: 'doctor' });
    const doc = (await h.reply('doc', 30_000)).result as { processes: { live: number; cap: number; probesRunning: number; probesWaiting: number } };
    console.log(`flood census: identical peak ${shared} yt-dlp, distinct peak ${distinct}, refused ${queueFull}, ping ${pingMs} ms, doctor ${JSON.stringify(doc.processes)}`);

    expect(shared).toBe(1);
    expect(distinct).toBeLessThanOrEqual(3);
    expect(distinct).toBeGreaterThan(0);
    // 1 shared flight + 3 running distinct hold slots; 64 wait; the other distinct ones are refused at once.
    expect(queueFull).toBeGreaterThanOrEqual(150 - 3 - 64 - 1);
    expect(pingMs).toBeLessThan(2000);
    expect(doc.processes.cap).toBeGreaterThan(0);
    expect(doc.processes.probesWaiting).toBeGreaterThan(0);
    expect(doc.processes.live).toBeLessThanOrEqual(doc.processes.cap);

    h.child.stdin.end();
    await h.exited;
    // Orphans would be re-parented away from the host: look for anything still naming the server.
    expect(await waitNoProcesses(new URL(srv.url).host, 8000)).toEqual([]);
  }, 60_000);
});
