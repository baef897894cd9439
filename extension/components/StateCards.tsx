import { useState } from 'react';
import type { ErrorPayload, RegistryStatus } from '../../shared/protocol/index.js';
import { INSTALL_COMMAND, UPDATE_HOST_COMMAND, describeError } from '../error-text.js';

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

function CommandLine({ command }: { command: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="command">
      <code>{command}</code>
      <button type="button" className="ghost small" onClick={() => void navigator.clipboard?.writeText(command).then(() => setCopied(true), () => undefined)}>
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}

export function HostMissing() {
  return (
    <section className="card host-missing" role="alert">
      <h2>Finish setting up NexStream</h2>
      <p>The helper app that runs yt-dlp and FFmpeg is not installed for this browser. Run this once in a terminal, then reopen this popup:</p>
      <CommandLine command={INSTALL_COMMAND} />
    </section>
  );
}

/** The handshake found a host speaking another protocol version: one card, the exact command. */
export function HostOutdated({ error }: { error?: ErrorPayload | undefined }) {
  return (
    <section className="card host-outdated" role="alert">
      <h2>Update the NexStream helper</h2>
      <p>{error?.message ?? 'The helper app and the extension speak different protocol versions.'} Update the host: run this in your NexStream folder, then reopen this popup:</p>
      <CommandLine command={UPDATE_HOST_COMMAND} />
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

/** One status line when the shared registry is refused or away: resolves still work, just uncached. */
export function RegistryNotice({ registry }: { registry?: RegistryStatus | undefined }) {
  if (!registry?.code) return null;
  const what = registry.code === 'registry.auth' ? 'refused the token (TURSO_AUTH_TOKEN)' : 'is unreachable';
  return (
    <p className="registry-notice hint" role="status" data-code={registry.code} title={registry.message ?? ''}>
      Shared registry {what}: tracks resolve without it ({registry.code}).
    </p>
  );
}
