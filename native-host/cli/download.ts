/**
 * `nexstream download`: runs one job through the same job manager and pipeline as the browser host.
 * Ctrl-C cancels the job (the pipeline kills its processes and removes the .part file) before exiting.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PRESET_IDS } from '../../shared/presets.js';
import { PresetId, SubtitleChoice, type Event } from '../../shared/protocol/index.js';
import { NexError } from '../../shared/errors.js';
import { cliServices, reportError, urlProblem, usageError } from './common.js';
import { readCookieFile } from '../media/cookies.js';
import { ProgressPrinter } from './progress-bar.js';
import { LIMITS } from '../limits.js';
import { resolveForDownload, type ResolvedInput } from '../resolver/download-input.js';
import type { Command } from './types.js';
import { batchPrinter, runBatch } from './download-batch.js';
import { downloadListing } from '../services/probe-playlist.js';
import { parseItems } from './items-spec.js';
import { collectionLink } from '../../shared/collection-link.js';
import { downloadAlbum } from './download-album.js';
import { liveStopper, parseDurationSec, renderRecording } from './live-record.js';

const usage = `nexstream download <url> --preset <id> [--items 1-3,7] [--out DIR] [--subs en,de|all] [--cookies FILE] [--json] [--verbose]
nexstream download <live-url> --live [--duration SEC] --preset <id> ...   (record a live stream from now)
nexstream download <url-or-text> --resolve --preset <id> ...   (find the official track first)
nexstream download <album-or-playlist-url> --resolve --preset <id> ...   (every track, into <Album artist>/<Album>/NN - Title.ext; exit 5 if some failed or had no match)

Presets: ${PRESET_IDS.join(', ')}
--cookies FILE signs in with a Netscape cookies.txt for the site (used for this job only, never copied elsewhere).
--live records a live stream from now until Ctrl-C (or SIGTERM), --duration SEC, or the stream's end; the file is
finalised and kept (a second Ctrl-C discards it). Without --live a live stream fails with media.live.
--subs embeds those subtitle languages (video presets; see \`nexstream probe --json\`), or all non-automatic ones.
With --json prints one JSON object per line:
  {"type":"progress","percent":..,"speed":..,"etaSec":..}  ...   (--live adds "outTimeSec" and "bytes"; percent is null)
  {"type":"done","path":"..."}                 (exit 0)
  {"type":"error","code":"...","message":"..."} (exit non-zero)
Without --json a progress bar goes to stderr and the final path to stdout.

A playlist URL downloads its entries (--items picks some) into DIR/<playlist title>/, skipping what
is there already. With --json: {"type":"playlist","title":..,"count":N} first, progress lines with
"item": <index>, {"type":"item","item":i,"status":"done"|"failed"|"skipped","path"?,"code"?} per entry,
last {"type":"done","paths":[...],"failed":F,"skipped":S}. Exit 0 when nothing failed, 5 when some did.`;

export const download: Command = {
  summary: 'Download a page as a media file with a preset',
  usage,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: { resolve: { type: 'boolean' }, items: { type: 'string' }, preset: { type: 'string', short: 'p' }, out: { type: 'string', short: 'o' }, subs: { type: 'string' }, cookies: { type: 'string' }, live: { type: 'boolean' }, duration: { type: 'string' }, json: { type: 'boolean' }, verbose: { type: 'boolean' } },
      });
    } catch (e) {
      return usageError(io, usage, (e as Error).message);
    }
    const { values } = parsed;
    const json = values.json ?? false;
    const [input, ...extra] = parsed.positionals;
    if (!input || extra.length) return usageError(io, usage, values.resolve ? 'expected one <url-or-text> (quote text with spaces)' : 'expected exactly one <url>');
    const preset = PresetId.safeParse(values.preset ?? 'best');
    if (!preset.success) return usageError(io, usage, `unknown preset "${values.preset}"`);
    const subs = values.subs === undefined ? undefined : SubtitleChoice.safeParse(values.subs === 'all' ? 'all' : values.subs.split(',').map((l) => l.trim()).filter(Boolean));
    if (subs && !subs.success) return usageError(io, usage, `--subs takes language codes like en,de or "all" (got "${values.subs}")`);
    const durationSec = parseDurationSec(values.duration);
    if (durationSec === 'bad' || (durationSec !== null && !values.live)) return usageError(io, usage, durationSec === 'bad' ? `--duration takes seconds > 0 (got "${values.duration}")` : '--duration needs --live');
    const live = values.live ? liveStopper((id) => services?.jobs.stop(id) ?? false, (t) => io.stderr.write(`\n${t}\n`)) : null;
    const indices = values.items !== undefined ? parseItems(values.items) : undefined;
    if (indices === null) return usageError(io, usage, `bad --items "${values.items}" (e.g. 1-3,7)`);
    if (values.resolve && collectionLink(input)) return downloadAlbum(input, { preset: preset.data, out: values.out, json, verbose: values.verbose }, io);
    if (!values.resolve) {
      const bad = urlProblem(input);
      if (bad) return reportError(io, json, bad);
    }

    // Handle Ctrl-C from here on, even during start-up: the job's processes must be stopped by us.
    let services: Awaited<ReturnType<typeof cliServices>> | null = null;
    let interrupted = false;
    const onSignal = (): void => {
      if (live?.onSignal()) return;
      interrupted = true;
      services?.batches.shutdown();
      void services?.jobs.shutdown(LIMITS.cliShutdownMs);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const bar = json ? null : new ProgressPrinter(io.stderr, undefined, undefined, live ? renderRecording : undefined);
    let outcome = null as { ok: true; path: string } | { ok: false; error: unknown } | null;
    let settle: () => void = () => {};
    const finished = new Promise<void>((r) => (settle = r));
    const batch = batchPrinter(io, json);
    let batchMode = false;
    const onEvent = (ev: Event): void => {
      if (batchMode) return batch.onEvent(ev);
      if (ev.event === 'job.progress') {
        const { percent, speed, etaSec, outTimeSec = null, bytes = null } = ev.progress;
        if (json) io.stdout.write(`${JSON.stringify({ type: 'progress', percent, speed, etaSec, ...(live && { outTimeSec, bytes }) })}\n`);
        else bar?.update(ev.progress);
      } else if (ev.event === 'job.done') {
        if (json) io.stdout.write(`${JSON.stringify({ type: 'progress', percent: 100, speed: null, etaSec: 0 })}\n`);
        else bar?.complete();
        outcome = { ok: true, path: ev.path };
        settle();
      } else if (ev.event === 'job.failed') {
        outcome = { ok: false, error: new NexError(ev.error.code, ev.error.message, ev.error.details) };
        settle();
      } else if (ev.event === 'job.state' && ev.job.status === 'cancelled') {
        outcome = { ok: false, error: new NexError('job.cancelled', 'cancelled') };
        settle();
      }
    };
    try {
      services = await cliServices(io, onEvent, { verbose: values.verbose });
      let target: ResolvedInput = { url: input };
      if (values.resolve) target = await resolveForDownload(input, await services.resolver());
      const url = target.url;
      const bad = urlProblem(url);
      if (bad) throw bad;
      if (interrupted) throw new NexError('job.cancelled', 'cancelled');
      const outDir = path.resolve(values.out ?? services.config.get().downloadDir);
      // A CLI run killed with SIGKILL left its .part here; the host sweeps at start, the next CLI run does too.
      await services.media.cleanupStaleParts(outDir).catch(() => undefined);
      // The libSQL driver loads while yt-dlp runs, not after ffmpeg (the Recent entry is written before exit).
      void services.library();
      // A warm probe first (the job reads its cache); the playlist listing only where it can matter.
      const listing = values.resolve || live ? null : await downloadListing(services.media, url, { log: services.log.forJob(null), warm: values.cookies === undefined });
      if (listing) {
        batchMode = true;
        bar?.end();
        return await runBatch(services, listing, { url, preset: preset.data, outDir, json, ...(indices && { indices }) }, io, batch);
      }
      if (indices) throw new NexError('input.invalid', '--items needs a playlist URL: yt-dlp lists no entries here.');
      const cookies = values.cookies === undefined ? undefined : await readCookieFile(path.resolve(values.cookies), url);
      const job = services.jobs.submit({ url, preset: preset.data, outDir, ...(target.title && { title: target.title }), ...(target.tags && { tags: target.tags }), ...(subs?.data && { subs: subs.data }), ...(cookies && { cookies }), ...(live && { live: true, ...(durationSec !== null && { maxSec: durationSec }) }) });
      live?.arm(job.id);
      await finished;
    } catch (e) {
      outcome = { ok: false, error: e };
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      bar?.end();
      await services?.close({ jobsTimeoutMs: LIMITS.cliShutdownMs });
    }
    const result = outcome;
    if (result?.ok) {
      io.stdout.write(json ? `${JSON.stringify({ type: 'done', path: result.path })}\n` : `${result.path}\n`);
      return 0;
    }
    return reportError(io, json, result ? result.error : new NexError('internal', 'job ended without a result'));
  },
};
