import type { LiveStatus } from '../../shared/protocol/index.js';

const TEXT: Partial<Record<LiveStatus, string>> = {
  is_live: 'This is a live stream: it has no end to download to, so NexStream can only record it from now.',
  is_upcoming: 'This live stream or premiere has not started yet, so there is nothing to record; try again once it has.',
  post_live: 'This stream has just ended; YouTube may offer only part of it until it is processed.',
};

/** Says what a download of a live source will do (the probe's live status); a recordable live stream gets LiveCard instead. */
export function LiveNote({ live }: { live: LiveStatus }) {
  const text = TEXT[live];
  return text ? (
    <p className="live-note" role="note" data-live={live}>
      {text}
    </p>
  ) : null;
}
