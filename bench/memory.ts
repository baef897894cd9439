/**
 * Figure 3: memory while downloading a big source vs a source a tenth its size (streaming must not grow
 * with the file), and no temporary files anywhere: the host runs with a private TMPDIR that must stay
 * empty, and the target folder may only ever hold the job's own `.nexstream.part` and the final file.
 */
import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { BenchContext, BenchModule } from './lib/context.js';
import { hostDownload, request } from './lib/host-jobs.js';
import { serveDash } from './lib/media.js';
import { sampleTree } from './lib/proc.js';
import { absFigure, minMax, pairRatios, summarize, type Figure } from './lib/stats.js';

interface MemRun {
  treePeakMB: number;
  hostHwmMB: number;
  childPeakMB: number;
  strayFiles: string[];
}

async function oneRun(ctx: BenchContext, url: string): Promise<MemRun> {
  const tmp = ctx.scratch('mem-tmp');
  const out = ctx.scratch('mem-out');
  // A fresh host per run: its VmHWM then covers this download only.
  const h = ctx.startHost({ TMPDIR: tmp, NEXSTREAM_DOWNLOAD_DIR: out });
  await request(h, { type: 'ping' });
  const stray = new Set<string>();
  const watch = setInterval(() => {
    for (const f of readdirSync(tmp)) stray.add(`TMPDIR/${f}`);
    for (const f of readdirSync(out)) if (!/\.(mp4)(\.nexstream\.part)?$/.test(f)) stray.add(`target/${f}`);
  }, 20);
  const sampler = sampleTree(h.child.pid ?? 0);
  try {
    await request(h, { type: 'probe', url });
    await hostDownload(h, url, 'mp4-1080', out);
  } finally {
    clearInterval(watch);
  }
  const s = sampler.stop();
  for (const f of readdirSync(tmp)) stray.add(`TMPDIR/${f}`);
  const files = readdirSync(out);
  if (files.length !== 1 || files.some((f) => f.endsWith('.part'))) stray.add(`target after: ${files.join(', ')}`);
  h.child.stdin.end();
  await h.exited;
  await rm(out, { recursive: true, force: true });
  const mb = (kb: number) => kb / 1024;
  return { treePeakMB: mb(s.treePeakKb), hostHwmMB: mb(s.rootHwmKb), childPeakMB: mb(s.childPeakKb), strayFiles: [...stray] };
}

export const memory: BenchModule = async (ctx) => {
  // Quick: 100 vs 25 MB still shows whether peak grows with the source (4x), in a quarter of the time.
  const [bigMB, smallMB] = ctx.quick ? [100, 25] : [1024, 100];
  const n = ctx.quick ? 2 : 3;
  const big = await serveDash(bigMB);
  const small = await serveDash(smallMB);
  ctx.log(`memory: ${(big.videoBytes / 1048576).toFixed(0)} MB vs ${(small.videoBytes / 1048576).toFixed(0)} MB sources, ${n} runs each`);
  const runsBig: MemRun[] = [];
  const runsSmall: MemRun[] = [];
  for (let i = 0; i < n; i++) {
    runsSmall.push(await oneRun(ctx, small.manifestUrl));
    runsBig.push(await oneRun(ctx, big.manifestUrl));
  }
  await big.server.close();
  await small.server.close();
  const tree = (rs: MemRun[]) => summarize(rs.map((r) => r.treePeakMB));
  const host = (rs: MemRun[]) => summarize(rs.map((r) => r.hostHwmMB));
  const sb = tree(runsBig);
  const ss = tree(runsSmall);
  const hb = host(runsBig);
  const stray = [...new Set([...runsBig, ...runsSmall].flatMap((r) => r.strayFiles))];
  const label = `${bigMB >= 1024 ? `${bigMB / 1024} GB` : `${bigMB} MB`}`;
  const figs: Figure[] = [
    absFigure(`3 memory: host+children peak RSS, ${label} source`, sb, 'MB', 150, `host node process alone VmHWM ${hb.median.toFixed(1)} MB [${hb.min.toFixed(1)}..${hb.max.toFixed(1)}]; largest child (ffmpeg/yt-dlp) VmHWM ${Math.max(...runsBig.map((r) => r.childPeakMB)).toFixed(1)} MB; tree RSS summed every 25 ms`),
    {
      name: `3 memory: peak ${label} / peak ${smallMB} MB source`,
      value: Math.round(sb.median * 10) / 10,
      unit: 'MB',
      baseline: Math.round(ss.median * 10) / 10,
      ratio: Math.round((sb.median / ss.median) * 1000) / 1000,
      ratioRange: minMax(pairRatios(runsBig.map((r) => r.treePeakMB), runsSmall.map((r) => r.treePeakMB))),
      target: '<= 1.20',
      pass: sb.median / ss.median <= 1.2,
      detail: `host+children peak, medians of ${n}; small source ${ss.median.toFixed(1)} [${ss.min.toFixed(1)}..${ss.max.toFixed(1)}] MB`,
    },
    {
      name: '3 temp files during downloads (TMPDIR + target folder)',
      value: stray.length,
      unit: 'files',
      baseline: null,
      ratio: null,
      target: '= 0',
      pass: stray.length === 0,
      detail: stray.length ? `found: ${stray.slice(0, 10).join(', ')}` : `sampled every 20 ms over ${2 * n} downloads; only the job's own .nexstream.part output and the final file seen`,
    },
  ];
  return figs;
};
