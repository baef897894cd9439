/** The local library, opened on first use (the libSQL driver is slow to import) and at most once. */
import path from 'node:path';
import type { JobInfo } from '../../shared/protocol/index.js';
import type { Logger } from '../log/logger.js';
import { openLibrary, type Library } from '../library/index.js';

export interface LibrarySlot {
  get(): Promise<Library | null>;
  /** Adds a finished job to the Recent list; never throws (a broken database must not cost the download). */
  recordDone(job: JobInfo, filePath: string, batchId: string | null): void;
  /** Waits for Recent writes still under way, then closes the database. */
  close(): Promise<void>;
}

export function createLibrarySlot(dataDir: () => string, log: Logger): LibrarySlot {
  let opening: Promise<Library | null> | null = null;
  const get = (): Promise<Library | null> =>
    (opening ??= openLibrary(path.join(dataDir(), 'library.db')).catch((e: unknown) => {
      log.warn(`library database unavailable (no download archive, no Recent list): ${String(e)}`);
      return null;
    }));
  const writes = new Set<Promise<void>>();
  return {
    get,
    recordDone(job, filePath, batchId) {
      const w: Promise<void> = get()
        .then((lib) => lib?.addRecent({ url: job.url, title: job.title ?? path.basename(filePath), path: filePath, preset: job.preset ?? '', batchId }))
        .then(
          () => undefined,
          (e: unknown) => log.warn(`recent list not updated: ${String(e)}`),
        )
        .finally(() => writes.delete(w));
      writes.add(w);
    },
    async close() {
      // A CLI download closes right after its job is done: its Recent entry must land first.
      await Promise.all(writes);
      await opening?.then((lib) => lib?.close());
    },
  };
}
