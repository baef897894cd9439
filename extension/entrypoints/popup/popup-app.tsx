/** The popup's React app, imported by main.tsx once the pre-React header is on screen. */
import { StrictMode, useEffect, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { Popup, type PopupActions } from '../../components/Popup.js';
import type { PopupState } from '../../messages.js';
import { browser } from 'wxt/browser';
import { loadOptions, saveOptions } from '../../options-item.js';
import { openPopupConnection, type TabGlance } from '../../popup-connection.js';
import { prepaintedTab } from '../../components/page-header-dom.js';

// Connect before React renders: the background's first state is usually here by the first paint.
let latest: PopupState | null = null;
// The header the pre-React script may already have painted: React's first render keeps it, no skeleton flash.
let tab: TabGlance | null = prepaintedTab();
let snapshot: { state: PopupState | null; tab: TabGlance | null } = { state: null, tab };
const listeners = new Set<() => void>();
const changed = () => {
  snapshot = { state: latest, tab };
  for (const l of listeners) l();
};
const conn = openPopupConnection(
  (s) => {
    if (!latest) performance.mark('nexstream:first-state');
    latest = s;
    changed();
  },
  (t) => {
    tab = t;
    changed();
  },
);
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

const actions: PopupActions = {
  download: (preset, subs) => conn.send(subs?.length ? { type: 'download', preset, subs } : { type: 'download', preset }),
  cancel: (jobId) => conn.send({ type: 'cancel', jobId }),
  record: (preset) => conn.send({ type: 'download', preset, live: true }),
  stop: (jobId) => conn.send({ type: 'stop', jobId }),
  reveal: (path) => conn.send({ type: 'reveal', path }),
  dismiss: () => conn.send({ type: 'dismiss' }),
  probe: (url) => conn.send(url ? { type: 'probe', url } : { type: 'probe' }),
  // permissions.request must run inside the click (a user gesture), before any await.
  signIn: (origin) =>
    void browser.permissions.request({ permissions: ['cookies'], origins: [`${origin}/*`] }).then(async (granted) => {
      if (!granted) return;
      const { signinSites } = await loadOptions();
      await saveOptions({ signinSites: [...new Set([...signinSites, origin])] });
      conn.send({ type: 'probe', signedIn: true });
    }),
  batch: (preset, indices, indexPrefix) => conn.send({ type: 'batch', preset, indices, indexPrefix }),
  batchCancel: (jobId, index) => conn.send(index === undefined ? { type: 'batch.cancel', jobId } : { type: 'batch.cancel', jobId, index }),
  batchRetry: (jobId) => conn.send({ type: 'batch.retry', jobId }),
  batchDismiss: () => conn.send({ type: 'batch.dismiss' }),
  playlistMore: () => conn.send({ type: 'playlist.more' }),
  recent: () => conn.send({ type: 'recent' }),
  downloadAgain: (url, preset) => conn.send({ type: 'download.again', url, preset }),
};

function App() {
  const { state, tab: glance } = useSyncExternalStore(subscribe, () => snapshot);
  const [preferAudio, setPreferAudio] = useState(false);
  const [subtitleLangs, setSubtitleLangs] = useState<string[]>([]);
  useEffect(
    () =>
      void loadOptions().then((o) => {
        setPreferAudio(o.preferAudio);
        setSubtitleLangs(o.subtitleLangs);
      }),
    [],
  );
  return <Popup state={state} tab={glance} actions={actions} preferAudio={preferAudio} subtitleLangs={subtitleLangs} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
