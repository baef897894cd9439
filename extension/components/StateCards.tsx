import { useState } from 'react';
import type { ErrorPayload } from '../../shared/protocol/index.js';
import { INSTALL_COMMAND, describeError } from './messages.js';

export function PickerSkeleton() {
  return (
    <section className="picker-skeleton" aria-busy="true" aria-label="Loading qualities">
      <p className="hint">Checking available qualities…</p>
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="skeleton row-line" />
      ))}
    </section>
  );
}

export function HostMissing() {
  const [copied, setCopied] = useState(false);
  return (
    <section className="card host-missing" role="alert">
      <h2>Finish setting up NexStream</h2>
      <p>The helper app that runs yt-dlp and FFmpeg is not installed for this browser. Run this once in a terminal, then reopen this popup:</p>
      <div className="command">
        <code>{INSTALL_COMMAND}</code>
        <button
          type="button"
          className="ghost small"
          onClick={() => void navigator.clipboard?.writeText(INSTALL_COMMAND).then(() => setCopied(true), () => undefined)}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </section>
  );
}

export function NoMedia() {
  return (
    <section className="card no-media">
      <h2>No media on this page</h2>
      <p>NexStream looks for videos, audio and streams on the page. Start playing the media, then reopen this popup.</p>
    </section>
  );
}

export function ErrorCard({ error, onRetry, signIn }: { error: ErrorPayload; onRetry?: () => void; signIn?: { site: string; onClick: () => void } }) {
  return (
    <section className="card error" role="alert">
      <h2>Something went wrong</h2>
      <p className="error-text">{describeError(error)}</p>
      {signIn && (
        <button type="button" className="primary signin" onClick={signIn.onClick}>
          Use my browser’s sign-in for {signIn.site}
        </button>
      )}
      {onRetry && (
        <button type="button" className="ghost" onClick={onRetry}>
          Try again
        </button>
      )}
    </section>
  );
}
