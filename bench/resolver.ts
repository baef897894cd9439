/**
 * Figure 7: the resolver with stand-in providers at known latencies (tests/fixtures/providers) and the
 * stand-in yt-dlp search: registry hit vs cold; cold vs its critical path; matcher top-1 accuracy over
 * ../shared/data (through the resolver engineer's seams in bench/match-seams.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openRegistry } from '../native-host/registry/index.js';
import { createResolver } from '../native-host/resolver/index.js';
import { FAKE_YTDLP, SEARCH_CANDIDATES, STAND_IN_LIMITS, standInEndpoints } from '../tests/fixtures/providers/endpoints.js';
import { startProviders } from '../tests/fixtures/providers/servers.js';
import { YoutubeSearch } from '../native-host/resolver/youtube-search.js';
import { YtdlpEnricher } from '../native-host/resolver/ytdlp-enrich.js';
import { YtMusic } from '../native-host/resolver/ytmusic.js';
import { startInnertube } from '../tests/fixtures/innertube/server.js';
import type { BenchModule } from './lib/context.js';
import { grade, loadCases } from './match-cases.js';
import { runThroughSeams } from './match-seams.js';
import { absFigure, ratioFigure, summarize, type Figure } from './lib/stats.js';

/** Known stand-in latencies (ms). Odesli waits for Deezer's link by design: the floor is max(iTunes, Deezer + Odesli). */
const LAT = { deezer: 300, itunes: 450, odesli: 200 };
const INPUT = 'https://www.deezer.com/track/3135556';

export const resolver: BenchModule = async (ctx) => {
  const n = ctx.quick ? 2 : 7;
  const s = await startProviders();
  const yt = await startInnertube();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nexstream-bench-resolver-'));
  process.env.NEXSTREAM_FAKE_SEARCH_CANDIDATES = SEARCH_CANDIDATES;
  s.deezer.chaos.latencyMs = LAT.deezer;
  s.itunes.chaos.latencyMs = LAT.itunes;
  s.odesli.chaos.latencyMs = LAT.odesli;
  const figs: Figure[] = [];
  try {
    const cold: number[] = [];
    const hits: number[] = [];
    const paths: number[] = [];
    for (let i = 0; i < n; i++) {
      const reg = await openRegistry({ localPath: path.join(dir, `r${i}.db`) });
      const r = createResolver({ endpoints: standInEndpoints(s, {}, yt), registry: reg, limits: STAND_IN_LIMITS, previewRefreshMs: 2000 });
      const t0 = performance.now();
      const c = await r.resolve(INPUT);
      cold.push(performance.now() - t0);
      // The search it needed (same plan: ISRC + songs through InnerTube, videos through yt-dlp), timed alone in
      // the same run; its client's session is made first, as the resolver makes it while levels 0-1 run.
      const ytmusic = new YtMusic({ baseUrl: yt.url });
      await ytmusic.warm();
      const alone = new YoutubeSearch({ ytdlp: FAKE_YTDLP, ytmusic, enricher: new YtdlpEnricher({ ytdlp: FAKE_YTDLP }) });
      const t2 = performance.now();
      await alone.search({ isrc: c.isrc, query: `${c.artists[0] ? `${c.artists[0]} - ` : ''}${c.title ?? ''}` });
      const searchMs = performance.now() - t2;
      paths.push(Math.max(LAT.itunes, LAT.deezer + LAT.odesli) + searchMs);
      const t1 = performance.now();
      const h = await r.resolve(INPUT);
      hits.push(performance.now() - t1);
      if (h.level !== 'registry') throw new Error(`expected a registry hit, got ${h.level}`);
      await r.idle();
      await reg.close();
    }
    const c = summarize(cold);
    const hit = summarize(hits);
    figs.push({
      ...ratioFigure('7 resolver: registry hit / cold resolve', { product: hit, baseline: c }, 1, 'ms'),
      target: '-',
      pass: null,
      detail: `hit ${hit.median.toFixed(1)} [${hit.min.toFixed(1)}..${hit.max.toFixed(1)}] ms vs cold ${c.median.toFixed(0)} [${c.min.toFixed(0)}..${c.max.toFixed(0)}] ms (n=${n}); cold is ${(c.median / hit.median).toFixed(0)}x the hit`,
    });
    figs.push(
      ratioFigure('7 resolver: cold resolve / critical path', { product: c, baseline: summarize(paths) }, 1.2, 'ms', `critical path = max(iTunes ${LAT.itunes}, Deezer ${LAT.deezer} + Odesli ${LAT.odesli}) + the same search plan (InnerTube stand-in + stand-in yt-dlp) timed alone; sequential sum would be ${LAT.deezer + LAT.itunes + LAT.odesli} ms + searches`),
    );
  } finally {
    await s.close();
    await yt.close();
    rmSync(dir, { recursive: true, force: true });
  }
  // --quick grades every other case (each resolve starts the stand-in yt-dlp search; all 49 took ~25 s of the two minutes).
  const all = loadCases();
  const cases = ctx.quick ? all.filter((_, i) => i % 2 === 0) : all;
  for (const searchPath of ['primary', 'fallback'] as const) {
    const seams = await runThroughSeams(cases, searchPath);
    const g = grade(cases, seams.picks);
    figs.push({
      ...absFigure(`7 matcher top-1 accuracy, ${searchPath === 'primary' ? 'InnerTube' : 'yt-dlp fallback'} (../shared/data)`, summarize([(100 * g.correct) / g.total]), '%', null, `${g.correct}/${g.total} correct${ctx.quick ? ` (quick: ${cases.length} of ${all.length} cases)` : ''}; spotDL replay ${g.spotdlCorrect}/${g.total}${g.misses.length ? `; misses: ${g.misses.map((m) => m.case).join(', ')}` : ''}`),
    });
  }
  return figs;
};
