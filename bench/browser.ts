/**
 * Figures 5 and 6 in headless Chromium with the built extension and the host registered in a fresh
 * profile (tests/e2e/support): popup time to first render with page metadata; native-messaging ping
 * round trip from the service worker; log lines per second reaching the DevTools panel in a flood.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeMedia } from '../tests/fixtures/make-media.js';
import { startMediaServer } from '../tests/fixtures/media-server.js';
import { ensureBuilt } from '../tests/e2e/support/build.js';
import { launch } from '../tests/e2e/support/chromium.js';
import type { BenchModule } from './lib/context.js';
import { timedRequest } from './lib/host-jobs.js';
import { pingThroughBrowser } from './lib/native-ping.js';
import { floodThroughPanel, openTappedPanel } from './lib/panel-flood.js';
import { extensionWithBlankPage, timeBlankOpen, timePopupOpen, type PopupOpen } from './lib/popup-timing.js';
import { absFigure, fmt, minMax, pairRatios, ratioFigure, summarize, type Figure } from './lib/stats.js';

const FLOOD_FFMPEG = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/flood-ffmpeg.mjs');

export const browser: BenchModule = async (ctx) => {
  const opens = ctx.quick ? 5 : 15;
  const pings = ctx.quick ? 50 : 200;
  const floodLines = ctx.quick ? 10_000 : 100_000;
  ensureBuilt();
  const media = await mkdtemp(path.join(os.tmpdir(), 'nexstream-bench-browser-'));
  await makeMedia(media, 'direct-mp4', { title: 'NexStream Bench Clip', durationSec: 2 });
  await makeMedia(media, 'page', { title: 'NexStream Bench Clip' });
  const server = await startMediaServer(media);
  // The browser starts the host with its own environment: its "ffmpeg" is the flood stand-in (only
  // figure 6b runs ffmpeg; the popup figure needs only the probe, which uses yt-dlp and ffprobe).
  const extensionDir = await extensionWithBlankPage();
  const h = await launch({ env: { NEXSTREAM_FFMPEG: FLOOD_FFMPEG, NEXSTREAM_FLOOD_LINES: String(floodLines) }, extensionDir });
  const figures: Figure[] = [];
  try {
    // 5: one untimed open of each lets the page's probe start (as a user's first glance would); then
    // n rounds of popup and blank page, alternating who goes first.
    const tab = await h.open(`${server.url}page.html`);
    await timePopupOpen(h, tab);
    await timeBlankOpen(h, tab);
    const runs: PopupOpen[] = [];
    const blanks: PopupOpen[] = [];
    for (let i = 0; i < opens; i++) {
      if (i % 2) blanks.push(await timeBlankOpen(h, tab));
      runs.push(await timePopupOpen(h, tab));
      if (!(i % 2)) blanks.push(await timeBlankOpen(h, tab));
    }
    // The flood figure below opens the real popup again.
    await h.worker.evaluate(`chrome.action.setPopup({ popup: 'popup.html' })`);
    const inDoc = summarize(runs.map((r) => r.phases.painted));
    // The React app is imported after the header's paint, so the background's first state mostly comes later.
    const stateBefore = runs.filter((r) => r.phases.firstState >= 0 && r.phases.firstState <= r.phases.painted).length;
    const blankDoc = summarize(blanks.map((r) => r.phases.painted));
    // The popup's in-document time beyond the blank page's, round by round: Chromium shows a popup only once
    // its document has loaded, and even the one-line page paints 60-150 ms after its navigation start here.
    const beyondBlank = summarize(runs.map((r, i) => r.phases.painted - (blanks[i]?.phases.painted ?? NaN)));
    figures.push(
      ratioFigure(
        '5 popup: click to painted page metadata / click to first paint of a blank popup page',
        { product: summarize(runs.map((r) => r.wallMs)), baseline: summarize(blanks.map((r) => r.wallMs)) },
        1.15,
        'ms',
        `blank page painted ${fmt(blankDoc.median)} ms [${fmt(blankDoc.min)}..${fmt(blankDoc.max)}] after its navigation start`,
      ),
      absFigure(
        '5 popup: in-document, nav start to painted page metadata, beyond a blank popup page',
        beyondBlank,
        'ms',
        50,
        `popup ${fmt(inDoc.median)} ms [${fmt(inDoc.min)}..${fmt(inDoc.max)}] vs blank ${fmt(blankDoc.median)} ms [${fmt(blankDoc.min)}..${fmt(blankDoc.max)}] from navigation start to paint; the background's first state was there before that paint in ${stateBefore} of ${runs.length} opens`,
        false,
      ),
    );
    ctx.log(`popup opens, ms (click->painted / nav->module entry / nav->mark / nav->DOMContentLoaded / nav->load / nav->painted): ${runs.map((r) => `${fmt(r.wallMs)}/${fmt(r.phases.script)}/${fmt(r.phases.metaRendered)}/${fmt(r.phases.domContentLoaded)}/${fmt(r.phases.load)}/${fmt(r.phases.painted)}`).join(' ')}`);
    ctx.log(`blank opens, ms (click->painted / nav->DOMContentLoaded / nav->load / nav->painted): ${blanks.map((r) => `${fmt(r.wallMs)}/${fmt(r.phases.domContentLoaded)}/${fmt(r.phases.load)}/${fmt(r.phases.painted)}`).join(' ')}`);

    // 6a: through the browser vs the same ping over a pipe straight to a host process.
    const viaBrowser = await pingThroughBrowser(h.worker, pings);
    const direct = ctx.startHost();
    await timedRequest(direct, { type: 'ping' });
    const bare: number[] = [];
    for (let i = 0; i < pings; i++) bare.push(await timedRequest(direct, { type: 'ping' }));
    direct.child.stdin.end();
    const b = summarize(viaBrowser.rtts);
    const d = summarize(bare);
    figures.push({
      name: '6a native messaging: ping RTT service worker -> host / stdio pipe from node',
      value: Math.round(b.median * 1000) / 1000,
      unit: 'ms',
      baseline: Math.round(d.median * 1000) / 1000,
      ratio: Math.round((b.median / d.median) * 1000) / 1000,
      // The i-th ping through the browser against the i-th over the pipe.
      ratioRange: minMax(pairRatios(viaBrowser.rtts, bare)),
      target: '-',
      pass: null,
      detail: `browser ${fmt(b.median)} [${fmt(b.min)}..${fmt(b.max)}] vs pipe ${fmt(d.median)} [${fmt(d.min)}..${fmt(d.max)}] (n=${pings}); host start + first ping ${fmt(viaBrowser.firstMs)} ms`,
    });

    // 6b: a job printing `floodLines` lines, counted as they reach the panel page.
    const panel = await openTappedPanel(h);
    const flood = await floodThroughPanel(h, panel, tab, floodLines);
    if (flood.jobStatus !== 'done') throw new Error(`flood job ended ${flood.jobStatus}`);
    const spanMs = Math.max(1, flood.lastAt - flood.firstAt);
    const rate = (flood.flood / spanMs) * 1000;
    figures.push({
      ...absFigure('6b native messaging: log lines/s reaching the DevTools panel (flood job)', summarize([rate]), 'lines/s', null),
      detail: `${flood.flood} of ${floodLines} lines arrived in ${fmt(spanMs)} ms, ${flood.dropped} reported dropped (relay/host caps under pressure)`,
    });
  } finally {
    await h.close();
    await server.close();
    await rm(media, { recursive: true, force: true });
    await rm(path.dirname(extensionDir), { recursive: true, force: true });
  }
  return figures;
};
