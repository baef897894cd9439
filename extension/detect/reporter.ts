/**
 * Content-script side: collects the page report now, again when media appears after load or the
 * SPA URL changes, and sends it only when it changed.
 */
import { collectPage } from './index.js';
import { observeDomMedia } from './dom-video.js';
import type { PageReport } from './types.js';

export interface ReporterDeps {
  doc: Document;
  location: () => string;
  send: (report: PageReport) => void;
  signal: AbortSignal;
  /** Coalesces mutation bursts (players add many nodes at once). Default 150 ms. */
  debounceMs?: number;
}

export function startPageReporter({ doc, location, send, signal, debounceMs = 150 }: ReporterDeps): { report: () => PageReport } {
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const report = (force = false): PageReport => {
    const r = collectPage(doc, location());
    const key = JSON.stringify(r);
    if (force || key !== last) {
      last = key;
      send(r);
    }
    return r;
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => report(), debounceMs);
  };
  observeDomMedia(doc, schedule, signal);
  signal.addEventListener('abort', () => clearTimeout(timer));
  report();
  return { report: () => report(true) };
}
