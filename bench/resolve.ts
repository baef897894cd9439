/**
 * Resolve timing with stand-in providers at known latencies: registry hit vs cold resolve, and
 * cold level 0+1 vs the slowest single provider (they run concurrently, so close to 1x, not the sum;
 * Odesli waits for Deezer's link by design, so the floor is max(iTunes, Deezer + Odesli)).
 * Run: npx tsx bench/resolve.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openRegistry } from '../native-host/registry/index.js';
import { createResolver } from '../native-host/resolver/index.js';
import { SEARCH_CANDIDATES, STAND_IN_LIMITS, standInEndpoints } from '../tests/fixtures/providers/endpoints.js';
import { startProviders } from '../tests/fixtures/providers/servers.js';

const LAT = { deezer: 300, itunes: 450, odesli: 200 };
const ROUNDS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const s = await startProviders();
const dir = mkdtempSync(path.join(os.tmpdir(), 'nexstream-bench-resolve-'));
process.env.NEXSTREAM_FAKE_SEARCH_CANDIDATES = SEARCH_CANDIDATES;
s.deezer.chaos.latencyMs = LAT.deezer;
s.itunes.chaos.latencyMs = LAT.itunes;
s.odesli.chaos.latencyMs = LAT.odesli;
try {
  const cold: number[] = [];
  const level01: number[] = [];
  const hits: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const reg = await openRegistry({ localPath: path.join(dir, `r${i}.db`) });
    const resolver = createResolver({ endpoints: standInEndpoints(s), registry: reg, limits: STAND_IN_LIMITS, previewRefreshMs: 2000 });
    const t0 = performance.now();
    const c = await resolver.resolve('https://www.deezer.com/track/3135556');
    cold.push(performance.now() - t0);
    level01.push((c.timingsMs.total ?? 0) - (c.timingsMs.youtube ?? 0));
    const t1 = performance.now();
    const h = await resolver.resolve('https://www.deezer.com/track/3135556');
    hits.push(performance.now() - t1);
    if (h.level !== 'registry') throw new Error('expected a registry hit');
    await resolver.idle();
    await reg.close();
  }
  const sum = LAT.deezer + LAT.itunes + LAT.odesli;
  const rows = [
    ['registry hit', median(hits)],
    ['cold resolve (all levels + yt-dlp search)', median(cold)],
    ['cold level 0+1 only (providers)', median(level01)],
    [`slowest single provider latency (iTunes, ${LAT.itunes} ms)`, LAT.itunes],
    [`sum of provider latencies (sequential would be)`, sum],
  ] as const;
  console.log('resolve timings (median of 3, stand-in providers with fixed latency)');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(52)} ${v.toFixed(0).padStart(6)} ms`);
  console.log(`  cold / registry hit:                                  ${(median(cold) / Math.max(1, median(hits))).toFixed(1)}x`);
  console.log(`  level 0+1 / slowest provider:                         ${(median(level01) / LAT.itunes).toFixed(2)}x  (sum would be ${(sum / LAT.itunes).toFixed(2)}x)`);
} finally {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
}
