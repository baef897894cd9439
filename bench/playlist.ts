/**
 * Playlists (issue 10): a 20-item local podcast feed downloaded as MP3 through `nexstream download`
 * (one batch, the host's concurrency) against yt-dlp downloading the same playlist with its own
 * pipeline (-x --audio-format mp3); and the host's peak RSS while listing a 5,000-entry feed.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { startMediaServer } from '../tests/fixtures/media-server.js';
import { writeFeed } from '../tests/fixtures/podcast-feed.js';
import { cliEnv, run, type BenchModule } from './lib/context.js';
import { request } from './lib/host-jobs.js';
import { sampleTree } from './lib/proc.js';
import { absFigure, paired, ratioFigure, summarize } from './lib/stats.js';

const ITEMS = 20;
const LISTED = 5000;

export const playlist: BenchModule = async (ctx) => {
  const clipSec = ctx.quick ? 10 : 30;
  const n = ctx.quick ? 1 : 3;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nexstream-bench-pl-'));
  await execa('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=44100:duration=${clipSec}`, '-c:a', 'aac', '-b:a', '128k', path.join(dir, 'clip.m4a')]);
  for (let i = 1; i <= ITEMS; i++) await copyFile(path.join(dir, 'clip.m4a'), path.join(dir, `ep${i}.m4a`));
  const server = await startMediaServer(dir);
  const feed = await writeFeed(dir, 'feed.xml', 'Bench Feed', server.url, Array.from({ length: ITEMS }, (_, i) => ({ title: `Episode ${i + 1}`, file: `ep${i + 1}.m4a` })));
  const big = await writeFeed(dir, 'big.xml', 'Big Feed', server.url, Array.from({ length: LISTED }, (_, i) => ({ title: `Episode ${i + 1}`, file: `ep${(i % ITEMS) + 1}.m4a`, guid: `g${i}` })));
  ctx.log(`playlist: ${ITEMS} x ${clipSec} s AAC -> MP3 192, ${n} paired runs`);
  const out = ctx.scratch('playlist');
  let k = 0;
  try {
    // A fresh HOME per run: no download archive from the previous run may skip anything.
    const product = async () => {
      const home = ctx.scratch('pl-home');
      const target = path.join(out, `p${k++}`);
      const ms = await run(process.execPath, [ctx.entry, 'download', feed, '--preset', 'mp3-192', '--out', target, '--json'], { env: cliEnv(home) });
      await rm(target, { recursive: true, force: true });
      return ms;
    };
    const baseline = async () => {
      const target = path.join(out, `b${k++}`);
      const ms = await run('yt-dlp', ['--ignore-config', '--no-warnings', '--no-progress', '--yes-playlist', '-x', '--audio-format', 'mp3', '--audio-quality', '192K', '-o', `${target}/%(title)s.%(ext)s`, '--', feed]);
      await rm(target, { recursive: true, force: true });
      return ms;
    };
    const fig1 = ratioFigure(`playlist: nexstream download of a ${ITEMS}-item feed (MP3 192) / yt-dlp -x --audio-format mp3 on it`, await paired(n, product, baseline, ctx.quick ? 0 : 1), 0.9, 'ms', 'host concurrency 2 (default); both cold processes');

    // Peak RSS of the host process (VmHWM) while the popup's probe + pages list 5,000 entries.
    const hwm: number[] = [];
    for (let i = 0; i < n; i++) {
      const h = ctx.startHost({ TMPDIR: ctx.scratch('pl-tmp') });
      await request(h, { type: 'ping' });
      const sampler = sampleTree(h.child.pid ?? 0);
      const first = (await request(h, { type: 'probe', url: big }, 180_000)) as { result?: { playlist?: { entries: unknown[] } } };
      if ((first.result?.playlist?.entries.length ?? 0) === 0) throw new Error('the big feed listed no entries');
      let offset = 0;
      for (;;) {
        const r = (await request(h, { type: 'playlist.page', url: big, offset, limit: 500 }, 180_000)) as { result: { entries: unknown[]; complete: boolean } };
        offset += r.result.entries.length;
        if (r.result.complete && offset >= LISTED) break;
        if (r.result.complete && r.result.entries.length === 0) throw new Error(`listing ended at ${offset} entries`);
      }
      hwm.push(sampler.stop().rootHwmKb / 1024);
      h.child.stdin.end();
      await h.exited;
    }
    const fig2 = absFigure(`playlist: host peak RSS listing ${LISTED} entries`, summarize(hwm), 'MB', 200, 'VmHWM of the host process; yt-dlp is a child, not counted');
    return [fig1, fig2];
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
};
