/**
 * YouTube Music search through youtubei.js (InnerTube, client WEB_REMIX): the songs search and the
 * ISRC search, with credited artists, album, duration and the kind of upload per result.
 * youtubei.js is imported lazily (warm() starts it early) and its session is built locally
 * (no sw.js, no player, no config request), so the only requests are the searches themselves,
 * and every one goes through the fetch hook to the configured base (NEXSTREAM_YTMUSIC_URL).
 * Failures throw YtMusicError with a reason; youtube-search.ts then falls back to yt-dlp.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type * as YoutubeiJs from 'youtubei.js';
import type { SearchHit } from './match.js';
import type { ResolverLog } from './types.js';
import { untilAborted } from './until-aborted.js';
import { mapSearchContents, YtMusicShapeError } from './ytmusic-map.js';

type Innertube = YoutubeiJs.Innertube;
export type YtMusicFailure = 'timeout' | 'aborted' | 'network' | 'http' | 'throttled' | 'consent' | 'shape';

export class YtMusicError extends Error {
  override readonly name = 'YtMusicError';
  constructor(
    readonly reason: YtMusicFailure,
    message: string,
    readonly retryAfterSec?: number,
    options?: { cause?: unknown },
  ) {
    super(`ytmusic: ${message}`, options);
  }
}

export interface YtMusicOptions {
  /** NEXSTREAM_YTMUSIC_URL, default https://music.youtube.com. */
  baseUrl: string;
  log?: ResolverLog;
  /** Per search request, default 4000 ms. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Per-call state the fetch hook and the parser's error handler see (searches run concurrently). */
interface CallState {
  signal?: AbortSignal;
  status?: number;
  retryAfter?: number;
  parserErrors: number;
}
const calls = new AsyncLocalStorage<CallState>();

let library: Promise<typeof YoutubeiJs> | null = null;
function loadLibrary(): Promise<typeof YoutubeiJs> {
  library ??= import('youtubei.js').then((m) => {
    // Its logger writes to console.info/warn: stdout is the native-messaging wire, so it stays silent.
    m.Log.setLevel(m.Log.Level.NONE);
    m.Parser.setParserErrorHandler(() => {
      const st = calls.getStore();
      if (st) st.parserErrors++;
    });
    return m;
  });
  return library;
}

export class YtMusic {
  private session: Promise<Innertube> | null = null;
  private readonly base: URL;
  /** After a 429 (Retry-After) or a consent redirect, searches go straight to the fallback until then. */
  private downUntil = 0;

  constructor(private readonly o: YtMusicOptions) {
    this.base = new URL(o.baseUrl);
  }

  /** Starts the import and the (local) session so the first search does not pay for them; never rejects. */
  warm(): Promise<void> {
    return this.client().then(
      () => undefined,
      () => undefined,
    );
  }

  private client(): Promise<Innertube> {
    this.session ??= loadLibrary()
      .then(({ Innertube }) =>
        Innertube.create({
          retrieve_player: false,
          generate_session_locally: true,
          retrieve_innertube_config: false,
          enable_session_cache: false,
          lang: 'en',
          location: 'US',
          fetch: (input, init) => this.hook(input, init),
        }),
      )
      .catch((e: unknown) => {
        this.session = null;
        throw e;
      });
    return this.session;
  }

  /** Every request youtubei.js makes: to the configured base, bounded by the call's signal, no redirects followed. */
  private async hook(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const req = input instanceof Request ? input : null;
    const src = new URL(req ? req.url : String(input));
    const url = new URL(`${src.pathname}${src.search}`, this.base);
    const st = calls.getStore();
    const method = init?.method ?? req?.method ?? 'GET';
    const body = init?.body ?? (req && method !== 'GET' ? await req.text() : undefined);
    const headers = new Headers(init?.headers ?? req?.headers);
    // youtubei.js names www.youtube.com as the page it calls from; the configured base is.
    for (const h of ['origin', 'x-origin']) if (headers.has(h)) headers.set(h, this.base.origin);
    if (headers.has('referer')) headers.set('referer', `${this.base.origin}/`);
    const res = await (this.o.fetch ?? fetch)(url, {
      method,
      headers,
      body,
      // A consent or sign-in redirect leaves the API (and, under test, loopback): it is a failure, not a page to follow.
      redirect: 'manual',
      signal: st?.signal,
    });
    if (st) {
      st.status = res.status;
      const ra = Number(res.headers.get('retry-after'));
      if (Number.isFinite(ra) && ra > 0) st.retryAfter = ra;
    }
    return res;
  }

  /** One search: 'songs' filters to songs, 'isrc' asks unfiltered (YouTube Music maps an ISRC to its recordings). */
  async search(kind: 'songs' | 'isrc', q: string, limit: number, signal?: AbortSignal): Promise<SearchHit[]> {
    const started = Date.now();
    if (started < this.downUntil) throw new YtMusicError('throttled', `skipped for ${Math.ceil((this.downUntil - started) / 1000)} s more (asked to back off)`);
    const st: CallState = { signal, parserErrors: 0 };
    try {
      // The import and local session are CPU, not network: the request timeout starts once they are done.
      const yt = await untilAborted(this.client(), signal);
      const timeout = AbortSignal.timeout(this.o.timeoutMs ?? 4000);
      st.signal = signal ? AbortSignal.any([signal, timeout]) : timeout;
      const page = await calls.run(st, () => yt.music.search(q, kind === 'songs' ? { type: 'song' } : {}));
      const mapped = mapSearchContents(page.contents, kind, limit);
      // Unknown renderers are dropped by the parser (typecheck): nothing left plus parser errors = the page changed.
      if (!mapped.hits.length && st.parserErrors > 0) throw new YtMusicShapeError(`${st.parserErrors} unparsed renderers, no results`);
      this.o.log?.({ level: 'debug', event: 'ytmusic', search: kind, results: mapped.hits.length, dropped: mapped.dropped, ms: Date.now() - started });
      return mapped.hits;
    } catch (e) {
      const err = classify(e, st, signal);
      if (err.reason === 'throttled' || err.reason === 'consent') this.downUntil = Date.now() + Math.min(600, err.retryAfterSec ?? 60) * 1000;
      this.o.log?.({ level: err.reason === 'aborted' ? 'debug' : 'warn', event: 'ytmusic.failed', search: kind, reason: err.reason, error: err.message.slice(0, 300), ms: Date.now() - started });
      throw err;
    }
  }
}

function classify(e: unknown, st: CallState, outer?: AbortSignal): YtMusicError {
  if (e instanceof YtMusicError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  if (outer?.aborted) return new YtMusicError('aborted', 'resolve budget spent', undefined, { cause: e });
  if (st.signal?.aborted) return new YtMusicError('timeout', 'no answer in time', undefined, { cause: e });
  if (e instanceof YtMusicShapeError) return new YtMusicError('shape', msg, undefined, { cause: e });
  const s = st.status;
  if (s === 429) return new YtMusicError('throttled', 'HTTP 429', st.retryAfter, { cause: e });
  if (s !== undefined && s >= 300 && s < 400) return new YtMusicError('consent', `redirected (HTTP ${s}), likely a consent page`, undefined, { cause: e });
  if (s !== undefined && s !== 200) return new YtMusicError('http', `HTTP ${s}`, undefined, { cause: e });
  // A 200 that is not InnerTube JSON (a consent or captcha page) or a page youtubei.js cannot read.
  if (s === 200) return new YtMusicError('shape', msg, undefined, { cause: e });
  return new YtMusicError('network', msg, undefined, { cause: e });
}
