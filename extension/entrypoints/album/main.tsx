import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { AlbumCard } from '../../components/AlbumCard.js';
import { AlbumView, type AlbumCommand } from '../../album-messages.js';
import '../../components/popup.css';
import '../../components/track.css';

const id = new URLSearchParams(location.search).get('session') ?? '';
const send = (command: AlbumCommand) => void browser.runtime.sendMessage({ type: 'album.command', id, command }).catch(() => undefined);

/** Polls the background's session: an album resolve streams in over seconds, and a poll survives a worker restart. */
function App() {
  const [view, setView] = useState<AlbumView | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    let stop = false;
    const tick = async () => {
      const r = (await browser.runtime.sendMessage({ type: 'album.view', id }).catch(() => null)) as { ok?: boolean; result?: unknown } | null;
      const v = AlbumView.safeParse(r?.result);
      if (v.success) setView(v.data);
      else setMissing(r?.ok === true && r.result === null);
      if (!stop) setTimeout(() => void tick(), 400);
    };
    void tick();
    return () => {
      stop = true;
    };
  }, []);
  useEffect(() => {
    if (view?.listing?.title) document.title = `${view.listing.title} · NexStream`;
  }, [view?.listing?.title]);
  return <AlbumCard view={view} missing={missing} download={(preset) => send({ type: 'download', preset })} pick={(index, videoUrl) => send({ type: 'pick', index, videoUrl })} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
