/** The track view's side of the 'track' runtime port: subscribe to `?session=ID`, receive validated state. */
import { browser } from 'wxt/browser';
import { FromTrackView, TRACK_PORT, ToTrackView } from './track-messages.js';

export function openTrackConnection(onMessage: (m: ToTrackView) => void, sessionId = new URLSearchParams(location.search).get('session') ?? ''): { send: (msg: FromTrackView) => void } {
  const port = browser.runtime.connect({ name: TRACK_PORT });
  port.onMessage.addListener((raw: unknown) => {
    const parsed = ToTrackView.safeParse(raw);
    if (parsed.success) onMessage(parsed.data);
    else console.warn('[nexstream] bad track state from background', parsed.error.issues[0]);
  });
  const send = (msg: FromTrackView) => port.postMessage(FromTrackView.parse(msg));
  send({ type: 'subscribe', sessionId });
  return { send };
}
