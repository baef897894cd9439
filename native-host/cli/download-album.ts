/**
 * `nexstream download <album-or-playlist-url> --resolve --preset P [--out DIR] [--json]`: resolve every
 * track, then download the matched ones as ONE batch job (the same one a playlist and the album window
 * use: the host's concurrency limit, per-item states, the download archive, an .m3u8 at the end) into
 * `<out>/<Album artist>/<Album>/NN - Title.ext` with album tags (and lyrics, through the item jobs).
 * --json lines: {"type":"album",kind,title,count,unmatched}, progress lines carrying "item",
 * {"type":"item",item,status,path?,code?}, {"type":"done",paths,failed,skipped,unmatched,m3u8?}.
 * Exit 0 when every track was downloaded (or skipped as already there), 5 when some failed or had
 * no confident match, 130 when interrupted, 1 on error.
 */
import path from 'node:path';
import { albumBatch } from '../../shared/album-batch.js';
import { NexError } from '../../shared/errors.js';
import type { Event, PresetId } from '../../shared/protocol/index.js';
import { LIMITS } from '../limits.js';
import { resolveCollection } from '../resolver/collection/resolve-collection.js';
import { cliServices, reportError } from './common.js';
import { batchPrinter } from './download-batch.js';
import type { CliIo } from './types.js';

export const SOME_FAILED_EXIT = 5;

export async function downloadAlbum(input: string, o: { preset: PresetId; out?: string; json: boolean; verbose?: boolean }, io: CliIo): Promise<number> {
  const printer = batchPrinter(io, o.json);
  let interrupted = false;
  const abort = new AbortController();
  let services: Awaited<ReturnType<typeof cliServices>> | null = null;
  const onSignal = (): void => {
    interrupted = true;
    abort.abort();
    services?.batches.shutdown();
    void services?.jobs.shutdown(LIMITS.cliShutdownMs);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const line = (x: Record<string, unknown>) => o.json && io.stdout.write(`${JSON.stringify(x)}\n`);
  try {
    services = await cliServices(io, (ev: Event) => printer.onEvent(ev), { verbose: o.verbose });
    const c = await resolveCollection(await services.resolver(), input, { signal: abort.signal });
    const batch = albumBatch(c, o.preset);
    const unmatched = c.tracks.filter((t) => !t.result?.match);
    line({ type: 'album', kind: c.kind, title: c.title, count: c.tracks.length, unmatched: unmatched.map((t) => ({ position: t.position, disc: t.disc, title: t.title })) });
    if (!o.json) {
      io.stderr.write(`${c.title}: ${batch.source.items.length} of ${c.tracks.length} tracks matched\n`);
      for (const t of unmatched) io.stderr.write(`no confident match, skipped: ${String(t.position).padStart(2, '0')} ${t.title}\n`);
    }
    if (interrupted) throw new NexError('job.cancelled', 'cancelled');
    const info = services.batches.submit({ preset: o.preset, folder: batch.folder, indexPrefix: batch.indexPrefix, outDir: path.resolve(o.out ?? services.config.get().downloadDir), source: batch.source });
    printer.watch(info.id);
    const end = await printer.finished;
    const failed = end.failed + end.cancelled;
    const paths = printer.paths();
    line({ type: 'done', paths, failed, skipped: end.skipped, unmatched: unmatched.length, ...(end.m3u8 && { m3u8: end.m3u8 }), ...(end.error && { code: end.error.code }) });
    if (!o.json) io.stdout.write(`${[...paths, ...(end.m3u8 ? [end.m3u8] : [])].join('\n')}\n`);
    if (end.error && !o.json) io.stderr.write(`stopped: ${end.error.message}\n`);
    if (end.status === 'cancelled' || interrupted) return 130;
    return failed || unmatched.length || end.error ? SOME_FAILED_EXIT : 0;
  } catch (e) {
    return reportError(io, o.json, e);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await services?.close({ jobsTimeoutMs: LIMITS.cliShutdownMs });
  }
}
