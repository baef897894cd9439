/**
 * An album's track resolves share their yt-dlp runs: the searches (and watch-page lookups) that arrive
 * together go to ONE yt-dlp with several URLs after `--`. `-J` prints one JSON document per URL, one a
 * line, and `-i` lets a failing URL cost only itself. A yt-dlp start (Python importing its extractors)
 * is most of a search's cost: 12 tracks x 3 searches + lookups were 40-80 starts, now a few per round.
 * A batch is small (`max` URLs): yt-dlp works through its URLs one after another, so a few batches
 * side by side keep the searches' network time parallel too.
 */
import { execa } from 'execa';
import type { ResolverLog } from '../types.js';
import { untilAborted } from '../until-aborted.js';

interface Waiting {
  url: string;
  pick: (doc: Record<string, unknown>) => boolean;
  settle: (doc: Record<string, unknown> | null) => void;
}

interface Group {
  args: string[];
  waiting: Waiting[];
  timer: NodeJS.Timeout | null;
}

export interface YtdlpBatchOptions {
  ytdlp: string;
  log?: ResolverLog;
  /** URLs per yt-dlp run, default 4. */
  max?: number;
  /** How long the first request of a batch waits for company, default 20 ms. */
  windowMs?: number;
  /** Per URL of a run (a run of n URLs may take n times this), default 15 s. */
  timeoutMs?: number;
}

/** One JSON document per line; anything else (a warning that slipped through) is skipped. */
export function parseDocs(stdout: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const doc: unknown = JSON.parse(line);
      if (doc && typeof doc === 'object' && !Array.isArray(doc)) out.push(doc as Record<string, unknown>);
    } catch {
      // A truncated line (the run was killed) answers nobody.
    }
  }
  return out;
}

export class YtdlpBatcher {
  private readonly groups = new Map<string, Group>();
  /** yt-dlp runs started (the benchmark and tests read it). */
  runs = 0;

  constructor(private readonly o: YtdlpBatchOptions) {}

  /**
   * The document `pick` recognises among the answers of the batch `url` joined (same `args`), or null
   * when yt-dlp gave none for it (failed, timed out) or `signal` aborted first.
   */
  async run(args: string[], url: string, pick: Waiting['pick'], signal?: AbortSignal): Promise<Record<string, unknown> | null> {
    if (signal?.aborted) return null;
    const key = args.join('\0');
    const answer = new Promise<Record<string, unknown> | null>((settle) => {
      let g = this.groups.get(key);
      if (!g) {
        g = { args, waiting: [], timer: null };
        this.groups.set(key, g);
      }
      g.waiting.push({ url, pick, settle });
      const group = g;
      if (g.waiting.length >= (this.o.max ?? 4)) this.flush(key, group);
      else g.timer ??= setTimeout(() => this.flush(key, group), this.o.windowMs ?? 20);
    });
    return untilAborted(answer, signal).catch(() => null);
  }

  private flush(key: string, g: Group): void {
    if (this.groups.get(key) === g) this.groups.delete(key);
    if (g.timer) clearTimeout(g.timer);
    const urls = [...new Set(g.waiting.map((w) => w.url))];
    const started = Date.now();
    this.runs++;
    void execa(this.o.ytdlp, [...g.args, '-i', '--', ...urls], {
      timeout: (this.o.timeoutMs ?? 15_000) * urls.length,
      forceKillAfterDelay: 2000,
      stdin: 'ignore',
      maxBuffer: 50_000_000,
      reject: false,
    }).then(
      (r) => {
        const docs = parseDocs(String(r.stdout ?? ''));
        this.o.log?.({ level: 'debug', event: 'ytdlp.batch', urls: urls.length, answered: docs.length, exitCode: r.exitCode ?? null, ms: Date.now() - started });
        for (const w of g.waiting) w.settle(docs.find(w.pick) ?? null);
      },
      () => {
        for (const w of g.waiting) w.settle(null);
      },
    );
  }
}
