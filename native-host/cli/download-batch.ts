/**
 * `nexstream download <playlist-url>`: the playlist as one batch job of the shared services. JSON lines:
 * {"type":"playlist",title,count} first, progress lines carrying "item", one {"type":"item"} per entry,
 * {"type":"done",paths,failed,skipped} last. Exit 0 when nothing failed, 5 when some items did.
 */
import path from 'node:path';
import type { BatchItemState, Event, PlaylistInfo, PresetId } from '../../shared/protocol/index.js';
import type { HostServices } from '../services/host-services.js';
import type { CliIo } from './types.js';

export const EXIT_SOME_FAILED = 5;

export interface BatchCliOptions {
  url: string;
  preset: PresetId;
  outDir: string;
  indices?: number[];
  json: boolean;
}

/** Turns batch events into the CLI's lines; `finished` resolves with the final batch state. */
export function batchPrinter(io: CliIo, json: boolean) {
  const itemOfJob = new Map<string, number>();
  let settle: (ev: Extract<Event, { event: 'batch.state' }>['batch']) => void = () => {};
  const finished = new Promise<Parameters<typeof settle>[0]>((r) => (settle = r));
  const done: { index: number; path: string }[] = [];
  const paths = (): string[] => done.sort((a, b) => a.index - b.index).map((d) => d.path);
  let batchId: string | null = null;
  const line = (o: object) => io.stdout.write(`${JSON.stringify(o)}\n`);
  const onItem = (it: BatchItemState): void => {
    if (it.jobId) itemOfJob.set(it.jobId, it.index);
    if (it.status === 'done' && it.path) done.push({ index: it.index, path: it.path });
    if (it.status !== 'done' && it.status !== 'failed' && it.status !== 'skipped' && it.status !== 'cancelled') return;
    const status = it.status === 'cancelled' ? 'failed' : it.status;
    const code = it.status === 'cancelled' ? 'job.cancelled' : it.error?.code;
    if (json) line({ type: 'item', item: it.index, status, ...(it.path && { path: it.path }), ...(code && { code }), ...(it.reason && { reason: it.reason }) });
    else io.stderr.write(`[${it.index}] ${status}${it.path ? ` ${it.path}` : ''}${code ? ` (${code}: ${it.error?.message ?? ''})` : ''}\n`);
  };
  return {
    finished,
    paths,
    watch(id: string) {
      batchId = id;
    },
    onEvent(ev: Event): void {
      if (ev.event === 'job.progress' && json) {
        const item = itemOfJob.get(ev.jobId);
        if (item !== undefined) line({ type: 'progress', item, percent: ev.progress.percent, speed: ev.progress.speed, etaSec: ev.progress.etaSec });
      } else if (ev.event === 'batch.item' && ev.jobId === batchId) onItem(ev.item);
      else if (ev.event === 'batch.state' && ev.batch.id === batchId && ['done', 'failed', 'cancelled'].includes(ev.batch.status)) settle(ev.batch);
    },
  };
}

/** Runs the batch to its end and prints the summary; returns the exit code. */
export async function runBatch(services: HostServices, listing: PlaylistInfo, o: BatchCliOptions, io: CliIo, printer: ReturnType<typeof batchPrinter>): Promise<number> {
  const title = listing.title || 'Playlist';
  const count = o.indices ? listing.entries.filter((e) => o.indices?.includes(e.index)).length : (listing.count ?? listing.entries.length);
  if (o.json) io.stdout.write(`${JSON.stringify({ type: 'playlist', title, count })}\n`);
  else io.stderr.write(`${title}: ${count} items\n`);
  const info = services.batches.submit({ preset: o.preset, folder: [title], outDir: path.resolve(o.outDir), source: { kind: 'playlist', url: o.url, ...(o.indices && { indices: o.indices }) } });
  printer.watch(info.id);
  const end = await printer.finished;
  const failed = end.failed + end.cancelled;
  if (o.json) io.stdout.write(`${JSON.stringify({ type: 'done', paths: printer.paths(), failed, skipped: end.skipped, ...(end.m3u8 && { m3u8: end.m3u8 }), ...(end.error && { code: end.error.code }) })}\n`);
  else io.stdout.write(`${[...printer.paths(), ...(end.m3u8 ? [end.m3u8] : [])].join('\n')}\n`);
  if (end.error && !o.json) io.stderr.write(`stopped: ${end.error.message}\n`);
  if (end.status === 'cancelled') return 130;
  return failed > 0 || end.error ? EXIT_SOME_FAILED : 0;
}
