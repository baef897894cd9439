import { StrictMode, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { TrackCard, type TrackActions } from '../../components/TrackCard.js';
import { openTrackConnection } from '../../track-connection.js';
import type { ToTrackView } from '../../track-messages.js';
import '../../components/popup.css';
import '../../components/track.css';

// Connect before React renders: the session's page meta is usually here by the first paint.
let snapshot: { msg: ToTrackView | null } = { msg: null };
const listeners = new Set<() => void>();
const conn = openTrackConnection((msg) => {
  snapshot = { msg };
  if (msg.type === 'state' && msg.state.track.title) document.title = `${msg.state.track.title} · NexStream`;
  for (const l of listeners) l();
});
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

const actions: TrackActions = {
  download: (preset) => conn.send({ type: 'download', preset }),
  pick: (videoUrl) => conn.send({ type: 'pick', videoUrl }),
  cancel: (jobId) => conn.send({ type: 'cancel', jobId }),
  reveal: (path) => conn.send({ type: 'reveal', path }),
  dismiss: () => conn.send({ type: 'dismiss' }),
  retry: () => conn.send({ type: 'retry' }),
};

function App() {
  const { msg } = useSyncExternalStore(subscribe, () => snapshot);
  return <TrackCard state={msg?.type === 'state' ? msg.state : null} missing={msg?.type === 'missing'} actions={actions} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
