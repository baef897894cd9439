/**
 * The fetch libSQL's HTTP client uses for a shared server: every request ends by a deadline, and closing the
 * link aborts whatever is still in flight. @libsql/client's own fetch has neither, so a server that holds a
 * request (sqld's write-slot queue stalled 5-20 s here under load, one TXN_TIMEOUT per stale slot) kept the
 * socket and the whole host process alive long after the caller had given up and closed the registry.
 */
export interface LinkFetch {
  fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /** Aborts every request in flight; later ones fail at once. */
  close(): void;
}

export function linkFetch(deadlineMs: number): LinkFetch {
  const closed = new AbortController();
  return {
    // Looked up at call time, not bound at creation: the global is the platform's (undici on Node).
    fetch: (input, init) => globalThis.fetch(input, { ...init, signal: AbortSignal.any([closed.signal, AbortSignal.timeout(deadlineMs)]) }),
    close: () => closed.abort(new Error('registry closed')),
  };
}
