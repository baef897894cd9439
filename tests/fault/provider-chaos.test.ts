/**
 * Provider chaos: in every round each stand-in provider (Deezer, iTunes, Odesli, Groq, Gemini) and the stand-in
 * yt-dlp search is, at random, healthy, slow, hanging, throttled (429), failing (500), answering an HTML page,
 * truncated JSON or a body of the wrong shape; the InnerTube stand-in (YouTube Music) healthy, changed in shape,
 * without text runs, with unknown renderers, an empty shelf, a consent redirect, a captcha page, 429 with
 * Retry-After, 500 or hanging. The resolver must answer from what works (falling back to yt-dlp), or fail with a
 * stable code, always within its budget, and never pick a wrong recording as confident.
 * The chaos is seeded: the seed is printed, NEXSTREAM_CHAOS_SEED replays it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noRegistry } from '../../native-host/registry/index.js';
import { createResolver } from '../../native-host/resolver/index.js';
import { isNexError } from '../../shared/errors.js';
import { SEARCH_CANDIDATES, STAND_IN_LIMITS, standInEndpoints } from '../fixtures/providers/endpoints.js';
import { startProviders, type Failure, type StandIn, type StandIns } from '../fixtures/providers/servers.js';
import { startInnertube, type InnertubeFailure, type InnertubeStandIn } from '../fixtures/innertube/server.js';

const ROUNDS = 20;
const BUDGET_MS = 2000;
/** Generous for a local stand-in, so a healthy one never times out on a loaded CI machine. */
const PROVIDER_TIMEOUT_MS = 800;
/** Timers, process exits and the event loop under a loaded CI machine: what "within the budget" may overrun by. */
const SLACK_MS = 250;
const ISRC = 'GBDUW0000059';
const TITLE = 'Harder, Better, Faster, Stronger';

/** mulberry32: small, seedable, good enough to pick failures. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAILURES: Failure[] = ['hang', '429', '500', 'html', 'truncated', 'wrong-shape'];
const INNERTUBE_FAILURES: InnertubeFailure[] = ['changed-shape', 'missing-runs', 'unknown-renderers', 'empty-shelf', 'consent', 'captcha', '429', '500', 'hang'];
/** The recordings of the track in SEARCH_CANDIDATES: the album track and the official video. Anything else picked is wrong. */
const RIGHT_IDS = ['yydNF8tuVmU', 'gAjR4_CbPpQ'];
const INPUTS = [
  { input: 'Daft Punk - Harder Better Faster Stronger', needs: 'text' },
  { input: 'https://www.deezer.com/track/3135556', needs: 'deezer' },
  { input: 'https://music.apple.com/us/song/harder-better-faster-stronger/697195787', needs: 'itunes' },
  { input: 'https://open.spotify.com/track/5W3cjX2J3tjhG8zb6u0qHn', needs: 'odesli' },
] as const;

type Health = 'ok' | 'slow' | Failure;
interface Round {
  n: number;
  input: (typeof INPUTS)[number];
  health: Record<'deezer' | 'itunes' | 'odesli' | 'groq' | 'gemini', Health>;
  search: 'ok' | 'fail' | 'slow';
  innertube: 'ok' | InnertubeFailure;
}

function plan(random: () => number, n: number): Round {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  // Half the time a provider is healthy, so rounds where something works are common.
  const health = (): Health => (random() < 0.5 ? 'ok' : random() < 0.2 ? 'slow' : pick(FAILURES));
  return {
    n,
    input: pick(INPUTS),
    health: { deezer: health(), itunes: health(), odesli: health(), groq: health(), gemini: health() },
    search: random() < 0.7 ? 'ok' : random() < 0.5 ? 'fail' : 'slow',
    innertube: random() < 0.4 ? 'ok' : pick(INNERTUBE_FAILURES),
  };
}

function apply(p: StandIn, h: Health): void {
  Object.assign(p.chaos, { failure: h === 'ok' || h === 'slow' ? null : h, latencyMs: h === 'slow' ? PROVIDER_TIMEOUT_MS * 3 : 0, failTimes: undefined, failed: 0 });
  p.requests.length = 0;
}

let s: StandIns;
let yt: InnertubeStandIn;
beforeAll(async () => {
  s = await startProviders();
  yt = await startInnertube();
  process.env.NEXSTREAM_FAKE_SEARCH_CANDIDATES = SEARCH_CANDIDATES;
  // One unmeasured resolve with everything healthy first: the resolver's lazy imports (transformed by vitest
  // on first use) otherwise land in round 1, where on a loaded machine they pushed a healthy provider past its
  // 800 ms (both full Node 24 runs here failed round 1 only: deezer/odesli "timeout"; alone, same seed, green).
  await createResolver({ endpoints: standInEndpoints(s, { groq: true, gemini: true }, yt), registry: noRegistry, limits: STAND_IN_LIMITS }).resolve(INPUTS[3].input).catch(() => null);
}, 120_000);
afterAll(async () => {
  await s?.close();
  await yt?.close();
  delete process.env.NEXSTREAM_FAKE_SEARCH_FAIL;
  delete process.env.NEXSTREAM_FAKE_SEARCH_DELAY_MS;
});

describe('provider chaos', () => {
  it(`${ROUNDS} seeded rounds: answers from what works or a stable error code, always within the budget`, async () => {
    const seed = Number(process.env.NEXSTREAM_CHAOS_SEED ?? Date.now() % 2 ** 31);
    console.log(`[provider-chaos] seed ${seed} (replay: NEXSTREAM_CHAOS_SEED=${seed})`);
    const random = rng(seed);
    const tally = { answered: 0, failed: {} as Record<string, number>, maxMs: 0 };
    for (let n = 1; n <= ROUNDS; n++) {
      const r = plan(random, n);
      for (const name of ['deezer', 'itunes', 'odesli', 'groq', 'gemini'] as const) apply(s[name], r.health[name]);
      process.env.NEXSTREAM_FAKE_SEARCH_FAIL = r.search === 'fail' ? '1' : '0';
      yt.chaos.failure = r.innertube === 'ok' ? null : r.innertube;
      process.env.NEXSTREAM_FAKE_SEARCH_DELAY_MS = r.search === 'slow' ? String(BUDGET_MS * 2) : '0';
      const plan_ = `round ${n} (seed ${seed}): ${JSON.stringify(r)}`;
      // A fresh resolver per round: a circuit opened by an earlier round would skip a provider that is healthy now.
      const resolver = createResolver({
        endpoints: standInEndpoints(s, { groq: true, gemini: true }, yt),
        registry: noRegistry,
        limits: STAND_IN_LIMITS,
        providerTimeoutMs: PROVIDER_TIMEOUT_MS,
        searchTimeoutMs: BUDGET_MS,
        budgetMs: BUDGET_MS,
      });
      const t0 = Date.now();
      const outcome = await resolver.resolve(r.input.input).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      const ms = Date.now() - t0;
      const got = outcome.ok ? `answered ${outcome.value.title ?? '?'} / ${outcome.value.isrc ?? 'no isrc'}` : `failed: ${String(outcome.error)}`;
      const where = `${plan_} -> ${got} in ${ms} ms`;
      tally.maxMs = Math.max(tally.maxMs, ms);
      if (ms > BUDGET_MS) console.log(`[provider-chaos] over budget ${ms} ms: ${where}`);
      expect(ms, where).toBeLessThanOrEqual(BUDGET_MS + SLACK_MS);

      const works = (name: keyof Round['health']) => r.health[name] === 'ok';
      if (outcome.ok) {
        tally.answered++;
        expect(outcome.value.title, where).toBeTruthy();
        // Whatever failed, a confident pick is one of the track's recordings (or there is none).
        if (outcome.value.match) expect(RIGHT_IDS, `${where}: picked ${outcome.value.match.id}`).toContain(outcome.value.match.id);
      } else {
        expect(isNexError(outcome.error), `${where}: ${String(outcome.error)}`).toBe(true);
        const code = isNexError(outcome.error) ? outcome.error.code : 'not a NexError';
        tally.failed[code] = (tally.failed[code] ?? 0) + 1;
        expect(['resolver.not_found', 'resolver.provider'], where).toContain(code);
      }
      // What works must be used: text always has an answer; a healthy authority gives the ISRC.
      // Text with no search that answers (slow or failing yt-dlp and InnerTube): either an answer from the text, or
      // resolver.provider naming who failed (issue 12: not an empty "no confident match").
      const searchWorks = r.search === 'ok' || r.innertube === 'ok';
      if (r.input.needs === 'text' && searchWorks) expect(outcome.ok, where).toBe(true);
      if (r.input.needs === 'text' && !outcome.ok) expect(isNexError(outcome.error) && outcome.error.code === 'resolver.provider', where).toBe(true);
      if ((r.input.needs === 'text' || r.input.needs === 'deezer') && works('deezer')) expect(outcome.ok && outcome.value.isrc, where).toBe(ISRC);
      if (r.input.needs === 'itunes' && works('itunes')) expect(outcome.ok && outcome.value.title, where).toBe(TITLE);
      if (r.input.needs === 'odesli' && works('odesli') && (works('deezer') || works('itunes'))) expect(outcome.ok && outcome.value.title, where).toBe(TITLE);
      // Failing for want of answers (rather than because nobody knows the track) says so.
      if (!outcome.ok && isNexError(outcome.error) && outcome.error.code === 'resolver.not_found') {
        expect(r.input.needs === 'text' ? true : works(r.input.needs), `${where}: a provider failed, yet resolver.not_found`).toBe(true);
      }
    }
    console.log(`[provider-chaos] ${ROUNDS} rounds: ${tally.answered} answered, failed ${JSON.stringify(tally.failed)}, slowest ${tally.maxMs} ms (budget ${BUDGET_MS} ms)`);
  }, 60_000);
});
