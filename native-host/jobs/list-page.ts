/**
 * jobs.list in pages that always fit one frame: active jobs first, then finished ones newest first,
 * cut at `limit` jobs or `maxBytes` of JSON, whichever comes first; `nextOffset` continues. Pure.
 */
import { MAX_OUTBOUND_FRAME_BYTES, type ErrorPayload, type JobInfo } from '../../shared/protocol/index.js';
import { isTerminal } from './state.js';

/** A page's jobs at most, as JSON: half a frame, leaving room for the envelope. */
export const JOBS_PAGE_MAX_BYTES = Math.floor(MAX_OUTBOUND_FRAME_BYTES / 2);
export const JOBS_PAGE_DEFAULT_LIMIT = 100;

/** Bytes of a job in a reply. */
export const jobBytes = (j: JobInfo): number => Buffer.byteLength(JSON.stringify(j));

const MAX_MESSAGE_CHARS = 2000;
const MAX_DETAILS_BYTES = 4096;

/** A stored job's error, bounded: its message cut, its details (stderr tails, URLs) kept only while small. */
export function compactError(e: ErrorPayload): ErrorPayload {
  const out: ErrorPayload = { code: e.code, message: e.message.length > MAX_MESSAGE_CHARS ? `${e.message.slice(0, MAX_MESSAGE_CHARS)}…` : e.message };
  if (!e.details) return out;
  const details: Record<string, unknown> = {};
  let used = 2;
  for (const [k, v] of Object.entries(e.details)) {
    let value = v;
    if (typeof v === 'string' && v.length > 1500) value = `…${v.slice(-1500)}`;
    const size = Buffer.byteLength(JSON.stringify({ [k]: value }));
    if (used + size > MAX_DETAILS_BYTES) continue;
    details[k] = value;
    used += size;
  }
  out.details = details;
  return out;
}

export interface JobsPage {
  jobs: JobInfo[];
  total: number;
  /** Where the next page starts; null on the last page. */
  nextOffset: number | null;
}

/** Active first (oldest first, the queue's order), then finished newest first. */
export function listOrder(all: JobInfo[]): JobInfo[] {
  const active = all.filter((j) => !isTerminal(j.status));
  const finished = all.filter((j) => isTerminal(j.status)).sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0));
  return [...active, ...finished];
}

export function pageJobs(all: JobInfo[], opts: { offset?: number; limit?: number; maxBytes?: number } = {}): JobsPage {
  const ordered = listOrder(all);
  const offset = Math.min(opts.offset ?? 0, ordered.length);
  const limit = opts.limit ?? JOBS_PAGE_DEFAULT_LIMIT;
  const maxBytes = opts.maxBytes ?? JOBS_PAGE_MAX_BYTES;
  const jobs: JobInfo[] = [];
  let bytes = 0;
  for (let i = offset; i < ordered.length && jobs.length < limit; i++) {
    const j = ordered[i] as JobInfo;
    const size = jobBytes(j) + 1;
    // Always make progress: a page holds at least one job.
    if (jobs.length && bytes + size > maxBytes) break;
    jobs.push(j);
    bytes += size;
  }
  const next = offset + jobs.length;
  return { jobs, total: ordered.length, nextOffset: next < ordered.length ? next : null };
}
