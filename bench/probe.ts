/** Figure 4: probe through the host (what hydrates the quality picker) vs bare `yt-dlp -J`, and a cached repeat. */
import { run, type BenchModule } from './lib/context.js';
import { timedRequest } from './lib/host-jobs.js';
import { serveDash } from './lib/media.js';
import { absFigure, paired, ratioFigure, summarize } from './lib/stats.js';

export const probe: BenchModule = async (ctx) => {
  const n = ctx.quick ? 3 : 7;
  const src = await serveDash(ctx.quick ? 25 : 250);
  const h = ctx.startHost();
  await timedRequest(h, { type: 'ping' });
  const viaHost = () => timedRequest(h, { type: 'probe', url: src.manifestUrl, noCache: true });
  const bare = () => run('yt-dlp', ['-J', '--ignore-config', '--no-warnings', '--no-playlist', '--', src.manifestUrl]);
  const cold = ratioFigure('4 probe: host probe (uncached) / yt-dlp -J', await paired(n, viaHost, bare), 1.15, 'ms', 'host already running, as when the popup opens');
  const cachedRuns: number[] = [];
  for (let i = 0; i < Math.max(10, n); i++) cachedRuns.push(await timedRequest(h, { type: 'probe', url: src.manifestUrl }));
  h.child.stdin.end();
  await h.exited;
  await src.server.close();
  return [cold, absFigure('4 probe: repeated probe within cache window', summarize(cachedRuns), 'ms', 50, 'round trip through the host over stdio frames')];
};
