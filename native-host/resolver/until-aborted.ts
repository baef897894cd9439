/** Waiting on work that honours an AbortSignal only eventually (a child's exit, an SDK's own timeout) must not outlast the budget. */

/** Settles with `p`, or rejects as cancelled (`isCanceled`) the moment `signal` aborts; `p` finishing later is ignored. */
export function untilAborted<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  p.catch(() => undefined);
  let onAbort = (): void => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(Object.assign(new Error('cancelled'), { isCanceled: true }));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([p, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}
