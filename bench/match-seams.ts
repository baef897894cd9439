/**
 * Runs the matcher over the recorded cases through the production seams: the resolver talks to
 * stand-in providers answering with each case's track, to the InnerTube stand-in and to the
 * stand-in yt-dlp, both answering with the case's candidates (an ISRC query gets only those found
 * by the ISRC search). Path 'primary': YouTube Music through InnerTube; 'fallback': InnerTube
 * answers a consent redirect, so the resolver falls back to yt-dlp's searches and lookups.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createResolver } from '../native-host/resolver/index.js';
import { noRegistry } from '../native-host/registry/index.js';
import { startInnertube } from '../tests/fixtures/innertube/server.js';
import { STAND_IN_LIMITS, standInEndpoints } from '../tests/fixtures/providers/endpoints.js';
import { startProviders, type Catalog } from '../tests/fixtures/providers/servers.js';
import type { MatchCase } from './match-cases.js';

export type SearchPath = 'primary' | 'fallback';

function catalogFor(c: MatchCase, i: number): Catalog {
  const t = c.track;
  const id = 1000 + i;
  const artists = t.artists;
  return {
    tracks: [
      {
        deezer: {
          id,
          title: t.title,
          isrc: t.isrc ?? undefined,
          link: `https://www.deezer.com/track/${id}`,
          // Deezer reports whole seconds.
          duration: t.durationSec != null ? Math.round(t.durationSec) : undefined,
          artist: { name: artists[0] ?? '' },
          contributors: artists.map((name, k) => ({ name, role: k === 0 ? 'Main' : 'Featured' })),
          album: { id: 1, title: t.album ?? undefined },
        },
        itunes: {
          trackId: 5000 + i,
          trackName: t.title,
          artistName: artists.join(', '),
          collectionName: t.album ?? undefined,
          trackTimeMillis: t.durationSec != null ? Math.round(t.durationSec * 1000) : undefined,
        },
      },
    ],
    llm: null,
  };
}

export interface SeamRun {
  picks: (string | null)[];
  ms: number;
}

export async function runThroughSeams(cases: MatchCase[], searchPath: SearchPath = 'primary'): Promise<SeamRun> {
  const providers = await startProviders({ tracks: [] });
  const innertube = await startInnertube();
  if (searchPath === 'fallback') innertube.chaos.failure = 'consent';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nexstream-bench-'));
  const prevEnv = process.env.NEXSTREAM_FAKE_SEARCH_CANDIDATES;
  const started = Date.now();
  try {
    const resolver = createResolver({
      endpoints: standInEndpoints(providers, {}, innertube),
      registry: noRegistry,
      providerTimeoutMs: 3000,
      limits: STAND_IN_LIMITS,
      log: process.env.DEBUG_RESOLVER ? (l) => console.error(JSON.stringify(l)) : undefined,
    });
    const picks: (string | null)[] = [];
    for (const [i, c] of cases.entries()) {
      providers.setCatalog(catalogFor(c, i));
      const file = path.join(dir, `case-${i}.json`);
      writeFileSync(file, JSON.stringify({ candidates: c.candidates }));
      process.env.NEXSTREAM_FAKE_SEARCH_CANDIDATES = file;
      try {
        const r = await resolver.resolve(`${c.track.artists[0] ?? ''} - ${c.track.title}`, { noCache: true });
        picks.push(r.match?.id ?? null);
      } catch {
        picks.push(null);
      }
    }
    return { picks, ms: Date.now() - started };
  } finally {
    if (prevEnv === undefined) delete process.env.NEXSTREAM_FAKE_SEARCH_CANDIDATES;
    else process.env.NEXSTREAM_FAKE_SEARCH_CANDIDATES = prevEnv;
    rmSync(dir, { recursive: true, force: true });
    await innertube.close();
    await providers.close();
  }
}
