/** One track view's runtime port: subscribe to a resolve session, push its state on every change, take its commands. */
import type { PortLike } from '../logs/panel-protocol.js';
import { FromTrackView, ToTrackView } from '../track-messages.js';
import type { Background } from './app.js';
import { coalesced } from './coalesce.js';
import { servePort } from './serve-port.js';

export function handleTrackPort(port: PortLike, bg: Background): void {
  let sessionId: string | null = null;
  servePort(port, {
    accepts: FromTrackView,
    sends: ToTrackView,
    onMessage(msg, served) {
      if (msg.type !== 'subscribe') {
        if (sessionId != null) bg.tracks.command(sessionId, msg);
        return;
      }
      if (sessionId != null) return;
      const id = msg.sessionId;
      sessionId = id;
      const post = (): void => {
        const state = bg.tracks.view(id);
        served.send(state ? { type: 'state', state } : { type: 'missing' });
      };
      // Coalesces bursts (several providers answering in one tick, job progress) into one message.
      const push = coalesced(post);
      served.onClose(bg.tracks.sessions.onChange((changed) => changed === id && push()));
      served.onClose(bg.jobs.onChange(() => push()));
      served.onClose(bg.client.onState(() => push()));
      post();
    },
  });
}
