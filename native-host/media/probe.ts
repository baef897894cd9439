/** `yt-dlp -J` on a URL -> ProbeDetail (picker model + the raw info the download needs), cached briefly. */
import { NexError, isNexError } from '../../shared/errors.js';
import { HttpUrl } from '../../shared/protocol/index.js';
import { enrichInfo } from './enrich.js';
import { detectLive } from './live-detect.js';
import { LIMITS } from '../limits.js';
import { processFailure } from './process-failure.js';
import { probeCache } from './probe-cache.js';
import { ProbeGate } from './probe-gate.js';
import { toProbeResult } from './probe-map.js';
import { adoptEarly, supervise } from './supervise.js';
import { claimEarlyYtdlp } from './early-ytdlp.js';
import type { ProbeDetail, ProbeOptions, Tools } from './types.js';
import { ytdlpError, ytdlpProbeArgs } from './ytdlp-args.js';
import { parseInfoJson, rawFormats, type InfoDict } from './ytdlp-info.js';

/** Throws input.invalid_url unless `url` is http(s) and cannot pass for an option. */
export function assertHttpUrl(url: string): string {
  const r = HttpUrl.safeParse(url);
  if (!r.success) throw new NexError('input.invalid_url', `Not a usable web address: ${r.error.issues[0]?.message ?? 'invalid URL'}`, { url: url.slice(0, 200) });
  return r.data;
}

const IMAGE_EXTS = new Set(['jpg', 'jpeg', 'png', 'gif', 'webp', 'avif', 'bmp', 'svg']);

export const cancelled = () => new NexError('job.cancelled', 'Cancelled.');

/** A probe that has not answered by then is stuck (see LIMITS.probeMs). */
export const PROBE_TIMEOUT_MS = LIMITS.probeMs;

/**
 * yt-dlp's stdout, and `ready` once its first line is complete. `-J` prints the info dict as one line (JSON
 * escapes newlines in strings), then Python spends another 50-70 ms tearing itself down (measured here on a
 * cold CLI download): the probe answers from the line and need not wait for the exit.
 */
function firstLine(): { push(chunk: string): void; text(): string; ready: Promise<void> } {
  let all = '';
  let done!: () => void;
  const ready = new Promise<void>((r) => (done = r));
  return {
    push: (c) => {
      all += c;
      if (c.includes('\n')) done();
    },
    text: () => all,
    ready,
  };
}

async function runYtdlpJson(url: string, tools: Tools, opts: ProbeOptions): Promise<InfoDict> {
  const out = firstLine();
  const limit = AbortSignal.timeout(opts.timeoutMs ?? PROBE_TIMEOUT_MS);
  const signal = opts.signal ? AbortSignal.any([opts.signal, limit]) : limit;
  // The run listens to its own controller, so an answered probe can let yt-dlp finish on its own (below).
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  if (signal.aborted) stop.abort();
  const args = ytdlpProbeArgs(url, tools, opts.cookiesFile);
  const how = { source: 'yt-dlp' as const, log: opts.log, signal: stop.signal, onStdout: out.push };
  // A CLI run may have started this very command before the bundle loaded (early-ytdlp.ts).
  const early = claimEarlyYtdlp(tools.ytdlp, args);
  const p = early ? adoptEarly(tools.ytdlp, args, early, how) : supervise(tools.ytdlp, args, how);
  // With cookies yt-dlp saves its cookie jar as it exits, into a file removed after the probe: wait for that.
  const first = opts.cookiesFile ? await p.exited : await Promise.race([out.ready.then(() => null), p.exited]);
  const text = out.text();
  const info = first === null && !signal.aborted ? tryParse(text.slice(0, text.indexOf('\n'))) : null;
  if (info) {
    // Python's teardown is left: still in the census and killed with the host, ended if it hangs; briefly a
    // fourth process beside the gate's three, which costs no network and exits within ~100 ms.
    signal.removeEventListener('abort', onAbort);
    const reap = setTimeout(() => p.kill(), LIMITS.ytdlpTeardownMs);
    reap.unref();
    void p.exited.then(() => clearTimeout(reap));
    return info;
  }
  // Not one complete info dict on the first line: yt-dlp's exit decides, as it always did.
  const exit = await p.exited;
  signal.removeEventListener('abort', onAbort);
  if (opts.signal?.aborted) throw cancelled();
  // Our time limit, not yt-dlp, ended the run: its own code, so nobody reads it as a yt-dlp bug.
  if (limit.aborted) {
    const ms = opts.timeoutMs ?? PROBE_TIMEOUT_MS;
    throw new NexError('media.timeout', `yt-dlp did not answer within ${ms / 1000} s.`, { url, tool: 'yt-dlp', timeoutMs: ms, ...processFailure(exit, { timedOut: true }) });
  }
  if (exit.exitCode !== 0) throw ytdlpError(exit, p.stderrTail.text(), url, tools.ytdlpVersion);
  try {
    return parseInfoJson(out.text());
  } catch (e) {
    throw new NexError('media.ytdlp_exit', 'yt-dlp printed something that is not an info dict.', { url }, { cause: e });
  }
}

function tryParse(line: string): InfoDict | null {
  try {
    return parseInfoJson(line);
  } catch {
    return null;
  }
}

/** The host's one probe gate: a flood of probes runs a few yt-dlp at a time, the same URL once. */
export const probeGate = new ProbeGate<ProbeDetail>();

export async function probe(url: string, tools: Tools, opts: ProbeOptions = {}): Promise<ProbeDetail> {
  assertHttpUrl(url);
  // A signed-in probe is this job's alone: its format URLs and headers may carry the session.
  const cacheable = !opts.noCache && !opts.cookiesFile;
  if (cacheable) {
    const hit = probeCache.get(url);
    if (hit) return hit;
  }
  return probeGate.run(url, opts.signal, (signal) => probeNow(url, tools, { ...opts, signal }), cancelled);
}

async function probeNow(url: string, tools: Tools, opts: ProbeOptions): Promise<ProbeDetail> {
  if (opts.signal?.aborted) throw cancelled();
  // One deadline for the whole probe: enrichment (ffprobe of a stalling server) is best effort and stops there too.
  const deadline = AbortSignal.timeout(opts.timeoutMs ?? PROBE_TIMEOUT_MS);
  try {
    const raw = await runYtdlpJson(url, tools, opts);
    const enrichSignal = opts.signal ? AbortSignal.any([opts.signal, deadline]) : deadline;
    // yt-dlp 2023 cannot tell a live HLS/DASH stream from a VOD one: the host reads the manifest beside the enrichment.
    const [enriched, live] = await Promise.all([enrichInfo(raw, rawFormats(raw), tools, { ...opts, signal: enrichSignal }), detectLive(raw, rawFormats(raw), enrichSignal)]);
    const { formats } = enriched;
    const info = live && live !== 'not_live' ? { ...enriched.info, live_status: live } : enriched.info;
    if (opts.signal?.aborted) throw cancelled();
    if (!formats.length) throw new NexError('media.unsupported', 'yt-dlp found no downloadable formats here (DRM-protected or not media).', { url });
    // yt-dlp's generic extractor takes a bare picture for a one-frame video.
    if (formats.every((f) => IMAGE_EXTS.has(f.ext ?? ''))) throw new NexError('media.unsupported', 'This address is a picture, not audio or video.', { url });
    const detail: ProbeDetail = { result: toProbeResult(url, info, formats), info: info as Record<string, unknown>, probedAt: Date.now() };
    // An event that has not started changes state any minute: "Check again" must really look again.
    if (!opts.cookiesFile && detail.result.live !== 'is_upcoming') probeCache.set(url, detail);
    return detail;
  } catch (e) {
    if (isNexError(e)) throw e;
    throw new NexError('media.ytdlp_exit', `Probe failed: ${(e as Error).message}`, { url }, { cause: e });
  }
}
