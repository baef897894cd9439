import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageReporter } from '../detect/reporter.js';
import { REPORT_REQUEST, type RuntimeMessage } from '../messages.js';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    const send = (report: RuntimeMessage & { type: 'page.report' }) => void browser.runtime.sendMessage(report).catch(() => undefined);
    const reporter = startPageReporter({
      doc: document,
      location: () => location.href,
      send: (report) => send({ type: 'page.report', report }),
      signal: ctx.signal,
    });
    // SPA navigations (history.pushState) change the page without a load.
    ctx.addEventListener(window, 'wxt:locationchange', () => reporter.report());
    browser.runtime.onMessage.addListener((msg: unknown) => {
      if ((msg as { type?: string } | null)?.type === REPORT_REQUEST.type) reporter.report();
      return undefined;
    });
  },
});
