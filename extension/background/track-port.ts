/** One track view's runtime port: subscribe to a resolve session, push its state on every change, take its commands. */
import type { Browser } from 'wxt/browser';
import { FromTrackView, ToTrackView } from '../track-messages.js';
import type { Background } from './app.js';
import { coalesced } from './coalesce.js';

export function handleTrackPort(port: Browser.runtime.Port, bg: Background): void {
  let sessionId: string | null = null;
  const unsubscribes: Array<() => void> = [];

  const post = (): void => {
    if (sessionId == null) return;
    const state = bg.tracks.view(sessionId);
    try {
      port.postMessage(ToTrackView.parse(state ? { type: 'state', state } : { type: 'missing' }));
    } catch {
      /* the view closed */
    }
  };
  // Coalesces bursts (several providers answering in one tick, job progress) into one message.
  const push = coalesced(post);

  port.onMessage.addListener((raw: unknown) => {
    const parsed = FromTrackView.safeParse(raw);
    if (!parsed.success) return console.warn('[nexstream] bad track view message', parsed.error.issues[0]);
    const msg = parsed.data;
    if (msg.type === 'subscribe') {
      if (sessionId != null) return;
      sessionId = msg.sessionId;
      unsubscribes.push(bg.tracks.sessions.onChange((id) => id === sessionId && push()));
      unsubscribes.push(bg.jobs.onChange(() => push()));
      unsubscribes.push(bg.client.onState(() => push()));
      return post();
    }
    if (sessionId != null) bg.tracks.command(sessionId, msg);
  });
  port.onDisconnect.addListener(() => {
    for (const u of unsubscribes) u();
    sessionId = null;
  });
}
