/**
 * Figure 8: the shared registry on a real sqld (loopback, tests/fixtures/sqld.ts) against the local file,
 * both measured in this run with the stand-in providers at the resolver bench's latencies:
 * a registry hit through sqld vs through the file, and a cold resolve (a miss, then the verified write)
 * with the shared registry vs the local one (target: a miss is not slowed by more than 10%).
 */
import { createClient } from '@libsql/client';
import path from 'node:path';
import { openRegistry, type Registry } from '../native-host/registry/index.js';
import { createResolver } from '../native-host/resolver/index.js';
import { SEARCH_CANDIDATES, STAND_IN_LIMITS, standInEndpoints } from '../tests/fixtures/providers/endpoints.js';
import { startProviders } from '../tests/fixtures/providers/servers.js';
import { sqldSkipReason, startSqld } from '../tests/fixtures/sqld.js';
import type { BenchModule } from './lib/context.js';
import { paired, ratioFigure, timeIt, type Figure } from './lib/stats.js';

const LAT = { deezer: 300, itunes: 450, odesli: 200 };
const INPUT = 'https://www.deezer.com/track/3135556';

export const registry: BenchModule = async (ctx) => {
  const skip = sqldSkipReason();
  if (skip) {
    ctx.log(skip);
    return [];
  }
  const n = ctx.quick ? 3 : 9;
  const [s, sqld] = await Promise.all([startProviders(), startSqld()]);
  process.env.NEXSTREAM_FAKE_SEARCH_CANDIDATES = SEARCH_CANDIDATES;
  Object.assign(s.deezer.chaos, { latencyMs: LAT.deezer });
  Object.assign(s.itunes.chaos, { latencyMs: LAT.itunes });
  Object.assign(s.odesli.chaos, { latencyMs: LAT.odesli });
  const dir = ctx.scratch('registry');
  const server = createClient({ url: sqld.url });
  const open: Registry[] = [];
  let k = 0;
  const reg = async (shared: boolean) => {
    const r = await openRegistry({ localPath: path.join(dir, `r${k++}.db`), ...(shared ? { tursoUrl: sqld.url } : {}) });
    open.push(r);
    return r;
  };
  const resolverOn = (r: Registry) => createResolver({ endpoints: standInEndpoints(s), registry: r, limits: STAND_IN_LIMITS, previewRefreshMs: 2000 });
  const figs: Figure[] = [];
  try {
    // Hits: one warm registry each, the row already there; the preview refresh runs in the background.
    const [localHit, sharedHit] = [resolverOn(await reg(false)), resolverOn(await reg(true))];
    await localHit.resolve(INPUT);
    await sharedHit.resolve(INPUT);
    const hit = async (r: ReturnType<typeof resolverOn>) => {
      const t = await timeIt(async () => {
        const h = await r.resolve(INPUT);
        if (h.level !== 'registry') throw new Error(`expected a registry hit, got ${h.level}`);
      });
      await r.idle();
      return t;
    };
    const hits = await paired(n * 3, () => hit(sharedHit), () => hit(localHit), 2);
    figs.push({ ...ratioFigure('8 registry: hit via loopback sqld / via local file', hits, Infinity, 'ms', 'whole resolve() of a registry hit (override lookup + key lookup + row validation)'), target: '-', pass: null });

    // Misses: the row is removed first (outside the timing), so each cold resolve looks up, misses, resolves and writes.
    const sharedReg = await reg(true);
    const cold = async (shared: boolean) => {
      const r = shared ? sharedReg : await reg(false);
      if (shared) await server.batch(['DELETE FROM track_keys', 'DELETE FROM tracks'], 'write');
      const res = resolverOn(r);
      const t = await timeIt(async () => {
        const c = await res.resolve(INPUT);
        if (c.level === 'registry' || !c.verified) throw new Error(`expected a verified miss, got ${c.level}`);
      });
      await res.idle();
      return t;
    };
    const colds = await paired(n, () => cold(true), () => cold(false), 1);
    figs.push(ratioFigure('8 registry: cold resolve, shared sqld / local file', colds, 1.1, 'ms', `a miss then the verified write; stand-in latencies Deezer ${LAT.deezer}, iTunes ${LAT.itunes}, Odesli ${LAT.odesli} ms`));
  } finally {
    await Promise.all(open.map((r) => r.close()));
    server.close();
    await Promise.all([s.close(), sqld.dispose()]);
  }
  return figs;
};
