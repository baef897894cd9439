import { StrictMode, useEffect, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { Popup, type PopupActions } from '../../components/Popup.js';
import type { PopupState } from '../../messages.js';
import { loadOptions } from '../../options-item.js';
import { openPopupConnection } from '../../popup-connection.js';
import '../../components/popup.css';

performance.mark('nexstream:popup-script');
// Connect before React renders: the background's first state is usually here by the first paint.
let latest: PopupState | null = null;
const listeners = new Set<() => void>();
const conn = openPopupConnection((s) => {
  if (!latest) performance.mark('nexstream:first-state');
  latest = s;
  for (const l of listeners) l();
});
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

const actions: PopupActions = {
  download: (preset) => conn.send({ type: 'download', preset }),
  cancel: (jobId) => conn.send({ type: 'cancel', jobId }),
  reveal: (path) => conn.send({ type: 'reveal', path }),
  dismiss: () => conn.send({ type: 'dismiss' }),
  probe: (url) => conn.send(url ? { type: 'probe', url } : { type: 'probe' }),
};

function App() {
  const state = useSyncExternalStore(subscribe, () => latest);
  const [preferAudio, setPreferAudio] = useState(false);
  useEffect(() => void loadOptions().then((o) => setPreferAudio(o.preferAudio)), []);
  return <Popup state={state} actions={actions} preferAudio={preferAudio} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
