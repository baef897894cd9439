/**
 * `nexstream download <album-or-playlist-url> --resolve --preset P [--out DIR] [--json]`: resolve every
 * track, then download the matched ones one after another through the single-download job, into
 * `<out>/<Album artist>/<Album>/NN - Title.ext` with album tags. The items are exactly the `batch`
 * request's (albumBatch): this is the seam where the CLI switches to the batch job once it exists.
 * --json lines: {"type":"album",title,count,unmatched}, {"type":"item",item,status,path?,code?}, {"type":"done",paths,failed,skipped}.
 * Exit 0 when every track was downloaded, 5 when some failed or had no confident match, 1 on error.
 */
import path from 'node:path';
import { albumBatch, type AlbumBatchItem } from '../../shared/album-batch.js';
import { NexError, toErrorPayload } from '../../shared/errors.js';
import type { Event, PresetId } from '../../shared/protocol/index.js';
import { LIMITS } from '../limits.js';
import { safeFileName } from '../media/filename.js';
import { resolveCollection } from '../resolver/collection/resolve-collection.js';
import { cliServices, reportError } from './common.js';
import type { CliIo } from './types.js';

export const SOME_FAILED_EXIT = 5;

type ItemOutcome = { status: 'done'; path: string } | { status: 'failed'; code: string; message: string };

/** Runs the batch's items as single jobs, in order: the lead swaps this for one `batch` job after the merge. */
async function runItemsOneByOne(
  services: Awaited<ReturnType<typeof cliServices>>,
  items: AlbumBatchItem[],
  o: { preset: PresetId; outDir: string; waiters: Map<string, (r: ItemOutcome) => void>; onItem: (i: AlbumBatchItem, r: ItemOutcome) => void; stopped: () => boolean },
): Promise<ItemOutcome[]> {
  const out: ItemOutcome[] = [];
  for (const item of items) {
    if (o.stopped()) break;
    const job = services.jobs.submit({ url: item.url, preset: o.preset, outDir: o.outDir, ...(item.title && { title: item.title }), ...(item.tags && { tags: item.tags }), ...(item.fileStem && { fileStem: item.fileStem }) });
    const r = await new Promise<ItemOutcome>((resolve) => o.waiters.set(job.id, resolve));
    out.push(r);
    o.onItem(item, r);
  }
  return out;
}

export async function downloadAlbum(input: string, o: { preset: PresetId; out?: string; json: boolean; verbose?: boolean }, io: CliIo): Promise<number> {
  const waiters = new Map<string, (r: ItemOutcome) => void>();
  const settle = (id: string, r: ItemOutcome) => {
    waiters.get(id)?.(r);
    waiters.delete(id);
  };
  const onEvent = (ev: Event): void => {
    if (ev.event === 'job.done') settle(ev.jobId, { status: 'done', path: ev.path });
    else if (ev.event === 'job.failed') settle(ev.jobId, { status: 'failed', code: ev.error.code, message: ev.error.message });
    else if (ev.event === 'job.state' && ev.job.status === 'cancelled') settle(ev.job.id, { status: 'failed', code: 'job.cancelled', message: 'cancelled' });
  };
  let interrupted = false;
  let services: Awaited<ReturnType<typeof cliServices>> | null = null;
  const onSignal = (): void => {
    interrupted = true;
    void services?.jobs.shutdown(LIMITS.cliShutdownMs);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const line = (x: Record<string, unknown>) => o.json && io.stdout.write(`${JSON.stringify(x)}\n`);
  try {
    services = await cliServices(io, onEvent, { verbose: o.verbose });
    const c = await resolveCollection(await services.resolver(), input);
    const batch = albumBatch(c, o.preset);
    const unmatched = c.tracks.filter((t) => !t.result?.match);
    const items = batch.source.items;
    line({ type: 'album', kind: c.kind, title: c.title, count: c.tracks.length, unmatched: unmatched.map((t) => ({ position: t.position, disc: t.disc, title: t.title })) });
    if (!o.json) for (const t of unmatched) io.stderr.write(`no confident match, skipped: ${String(t.position).padStart(2, '0')} ${t.title}\n`);
    const outDir = path.join(path.resolve(o.out ?? services.config.get().downloadDir), ...batch.folder.map((f) => safeFileName(f)));
    const results = await runItemsOneByOne(services, items, {
      preset: o.preset,
      outDir,
      waiters,
      stopped: () => interrupted,
      onItem: (item, r) => {
        line({ type: 'item', item: item.index, ...(r.status === 'done' ? { status: 'done', path: r.path } : { status: 'failed', code: r.code, message: r.message }) });
        if (!o.json) io.stdout.write(r.status === 'done' ? `${r.path}\n` : '');
        if (!o.json && r.status === 'failed') io.stderr.write(`failed: ${item.fileStem ?? item.title}: ${r.message} (${r.code})\n`);
      },
    });
    if (interrupted) throw new NexError('job.cancelled', 'cancelled');
    const paths = results.flatMap((r) => (r.status === 'done' ? [r.path] : []));
    const failed = results.length - paths.length;
    line({ type: 'done', paths, failed, skipped: unmatched.length });
    return failed || unmatched.length ? SOME_FAILED_EXIT : 0;
  } catch (e) {
    if (o.json) line({ type: 'error', ...toErrorPayload(e) });
    return o.json ? (toErrorPayload(e).code === 'job.cancelled' ? 130 : 1) : reportError(io, false, e);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await services?.close({ jobsTimeoutMs: LIMITS.cliShutdownMs });
  }
}
