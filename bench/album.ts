/**
 * Albums: resolving a 12-track album (listing + every track, concurrently within the providers'
 * limits) vs the same 12 tracks resolved one after another as single cold resolves, in the same run,
 * against the stand-in providers at known latencies and the stand-in yt-dlp search. Target <= 0.35.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openRegistry } from '../native-host/registry/index.js';
import { createResolver } from '../native-host/resolver/index.js';
import { resolveCollection } from '../native-host/resolver/collection/resolve-collection.js';
import { STAND_IN_LIMITS, standInEndpoints } from '../tests/fixtures/providers/endpoints.js';
import { ALBUM_ID, ALBUM_TRACKS, albumCatalog, writeAlbumCandidates } from '../tests/fixtures/providers/albums.js';
import { loadCatalog, startProviders } from '../tests/fixtures/providers/servers.js';
import type { BenchModule } from './lib/context.js';
import { ratioFigure, summarize, type Figure } from './lib/stats.js';

/** Stand-in latencies (ms), as in the resolver figure. */
const LAT = { deezer: 300, itunes: 450, odesli: 200 };

export const album: BenchModule = async (ctx) => {
  const n = ctx.quick ? 1 : 3;
  const s = await startProviders(albumCatalog(loadCatalog()));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nexstream-bench-album-'));
  process.env.NEXSTREAM_FAKE_SEARCH_CANDIDATES = writeAlbumCandidates(dir);
  s.deezer.chaos.latencyMs = LAT.deezer;
  s.itunes.chaos.latencyMs = LAT.itunes;
  s.odesli.chaos.latencyMs = LAT.odesli;
  const albums: number[] = [];
  const singles: number[] = [];
  try {
    for (let i = 0; i < n; i++) {
      // Each side on its own empty registry: both are cold.
      const regA = await openRegistry({ localPath: path.join(dir, `a${i}.db`) });
      const ra = createResolver({ endpoints: standInEndpoints(s), registry: regA, limits: STAND_IN_LIMITS });
      const t0 = performance.now();
      const c = await resolveCollection(ra, `https://www.deezer.com/album/${ALBUM_ID}`);
      albums.push(performance.now() - t0);
      if (!c.tracks.every((t) => t.result?.match)) throw new Error('album bench: a track did not match');
      await ra.idle();
      await regA.close();

      const regS = await openRegistry({ localPath: path.join(dir, `s${i}.db`) });
      const rs = createResolver({ endpoints: standInEndpoints(s), registry: regS, limits: STAND_IN_LIMITS });
      const t1 = performance.now();
      for (const t of ALBUM_TRACKS) await rs.resolve(`https://www.deezer.com/track/${t.id}`);
      singles.push(performance.now() - t1);
      await rs.idle();
      await regS.close();
    }
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const figs: Figure[] = [
    ratioFigure('10 album: 12-track album resolve / 12 single cold resolves in a row', { product: summarize(albums), baseline: summarize(singles) }, 0.35, 'ms', `stand-in latencies Deezer ${LAT.deezer}, iTunes ${LAT.itunes}, Odesli ${LAT.odesli} ms; album tracks resolve LIMITS.collectionConcurrency at a time`),
  ];
  return figs;
};
