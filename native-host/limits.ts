/**
 * Every time limit and size cap of the host in one table, each with the reason for its value.
 * Modules import from here instead of writing literals; the extension's own request time-outs
 * (extension/host/timeouts.ts) are checked against these so the host always gives up first and
 * its error (with its code and details) reaches the user instead of a bare protocol.timeout.
 */
import { HOST_PROBE_TIMEOUT_MS, HOST_RESOLVE_BUDGET_MS } from '../shared/host-limits.js';

export const LIMITS = {
  // --- media: yt-dlp, ffmpeg, ffprobe ---
  /** A probe still silent after this is stuck (yt-dlp's own socket timeout is 20 s per request, and it makes several). */
  probeMs: HOST_PROBE_TIMEOUT_MS,
  /** yt-dlp --socket-timeout, seconds: one stalled request fails instead of hanging the run. */
  ytdlpSocketTimeoutSec: 20,
  /** Seconds without bytes or ffmpeg progress before a download fails as media.stalled (config stallTimeoutSec). */
  defaultStallSec: 30,
  /** Longest back-off between ffmpeg reconnects: a gone server costs ~7 s of retries, not ffmpeg's default 120 s. */
  reconnectDelayMaxSec: 4,
  /** The same "Stream ends prematurely at X" this often in a row: the server lies about its length. */
  shortReadRepeats: 3,
  /** yt-dlp probes running at once; each is a Python process of ~40 MB plus its ffprobes. */
  probeConcurrency: 3,
  /** Probes waiting beyond that; more fail at once with job.queue_full rather than piling up. */
  probeMaxWaiting: 64,
  /** Live yt-dlp/ffmpeg processes at most: the backstop that keeps a bug or a flood from forking without bound. */
  maxLiveChildren: 32,
  /** ffprobe -rw_timeout when reading one format's codecs: shorter, the probe is waiting on it. */
  ffprobeReadTimeoutMs: 15_000,
  /** The whole ffprobe run for one format; its failure only leaves codecs unknown. */
  ffprobeMs: 20_000,
  /** `tool --version` / `yt-dlp --help` at discovery: a tool that hangs here is as good as missing. */
  toolQueryMs: 15_000,
  /** `ps` for orphan and process-identity checks: it answers in milliseconds when it works at all. */
  psMs: 5000,
  /** `setpriv --help` once at start-up, to know whether children can be tied to the host's death. */
  setprivProbeMs: 2000,
  /** yt-dlp has printed its info dict and only Python's teardown is left: killed if it is still there after this. */
  ytdlpTeardownMs: 10_000,
  /** SIGTERM, then SIGKILL after this: ffmpeg needs a moment to finish the trailer and exit. */
  killGraceMs: 3000,
  /** Killed orphan tools (a crashed host's) get this long to vanish before their .part is removed anyway. */
  orphanWaitMs: 2000,
  /** An untagged .part untouched this long is stale: a live job writes its part continuously. */
  stalePartMs: 10 * 60_000,
  /** One GET of a DASH manifest for its duration: a small file, so a slow answer is not worth waiting for. */
  manifestMs: 5000,
  /** Cap on that manifest's size: real ones are tens of KiB. */
  manifestMaxBytes: 2 * 1024 * 1024,

  // --- albums and playlists ---
  /** Deezer pages of 100 followed per list: 20 covers the batch's 2,000-item cap. */
  collectionMaxPages: 20,
  /** Entries kept from one album or playlist: the batch request takes at most 2,000 items. */
  collectionMaxTracks: 2000,
  /** Track resolves of one album in flight at once: each may start a yt-dlp search (a process), and the providers' own limits pace the HTTP. */
  collectionConcurrency: 4,
  /** One LRCLIB lookup: lyrics are a nicety, never worth holding a download for long. */
  lyricsMs: 5000,

  // --- host session ---
  /** Finished jobs kept for jobs.list, by size: 200 jobs with long URLs and stderr tails must not grow the host. */
  keepFinishedBytes: 2 * 1024 * 1024,
  /** On disconnect, how long jobs get to kill their processes and delete their .part files. */
  shutdownMs: 8000,
  /** The CLI's Ctrl-C: the same clean-up, a little more patient since a person is waiting on it, not a browser. */
  cliShutdownMs: 10_000,
  /** After jobs stop, how long replies to requests still being handled may take before the host exits. */
  inflightDrainMs: 1000,
  /** Outbound bytes queued on the pipe beyond which debug log lines are shed (the browser is not reading). */
  wirePressureBytes: 4 * 1024 * 1024,

  // --- resolver ---
  /** One whole resolve: every provider, the LLM and the YouTube search together. */
  resolveBudgetMs: HOST_RESOLVE_BUDGET_MS,
  /** One HTTP attempt to Deezer / iTunes: they answer in well under a second when up. */
  providerMs: 4000,
  /** One Odesli or LLM call: these fan out to other services themselves and are slower. */
  slowProviderMs: 6000,
  /** The LLM level ends by this share of the resolve budget (from its start), so the YouTube search after it still runs. */
  llmBudgetShare: 0.5,
  /** One yt-dlp search: it runs a real YouTube page fetch. */
  searchMs: 15_000,
  /** Preview refresh on a registry hit: the answer is already shown, a late preview is not worth more. */
  previewRefreshMs: 3000,
  /** A provider that is down stays skipped this long, so it costs its time-out once per half minute. */
  breakerCooldownMs: 30_000,
  /** Extra attempts on 429 / 5xx: two more keep a resolve within its budget. */
  httpRetries: 2,
  /** First backoff step (doubles, plus up to 50 % jitter). */
  httpBackoffMs: 250,
  /** A Retry-After longer than this is not waited for: the resolve budget would be spent asleep. */
  maxRetryAfterMs: 5000,

  // --- playlists and batches (issue 10) ---
  /** Entries listed at most: yt-dlp stops there (--playlist-end), so a 100,000-video channel cannot flood the host. */
  playlistMaxEntries: 10_000,
  /** Entries in the probe's first page and a page request's default: enough to fill the popup's list. */
  playlistPageSize: 100,
  /** A whole flat listing: one feed or a few hundred API pages; a listing still running after this is stuck. */
  playlistListMs: 180_000,
  /** Playlist listings running at once (each a yt-dlp); the rest wait, so a probe flood stays bounded. */
  playlistConcurrency: 2,
  /** Once a page lists as a playlist, how long its own probe may still take before the first entry is probed instead. */
  playlistProbeGraceMs: 3000,
  /** Listings kept for page requests (each at most playlistMaxEntries small rows). */
  playlistSessions: 8,
} as const;
