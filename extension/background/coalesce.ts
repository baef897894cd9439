/** Wraps `fn` so that many calls in one tick run it once, in a microtask (bursts of events -> one message). */
export function coalesced(fn: () => void): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      fn();
    });
  };
}
