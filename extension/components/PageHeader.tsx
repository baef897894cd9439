import { useState } from 'react';
import type { PopupState } from '../messages.js';
import { formatDuration, hostnameOf } from './format.js';

/** What the page itself says: shown before the host answers. */
export function PageHeader({ page, mediaCount }: { page: NonNullable<PopupState['page']>; mediaCount: number }) {
  const [broken, setBroken] = useState(false);
  const duration = formatDuration(page.durationSec);
  return (
    <header className="page">
      <div className="thumb">
        {page.thumbnail && !broken ? <img src={page.thumbnail} alt="" onError={() => setBroken(true)} /> : <span className="thumb-placeholder" aria-hidden="true">▶</span>}
        {duration && <span className="duration">{duration}</span>}
      </div>
      <div className="page-text">
        <h1 className="title" title={page.title}>
          {page.title || hostnameOf(page.pageUrl)}
        </h1>
        <p className="subtitle">
          {hostnameOf(page.pageUrl)}
          {mediaCount > 0 && ` · ${mediaCount} media item${mediaCount === 1 ? '' : 's'}`}
        </p>
      </div>
    </header>
  );
}

export function HeaderSkeleton() {
  return (
    <header className="page" aria-busy="true">
      <div className="thumb skeleton" />
      <div className="page-text">
        <div className="skeleton line" style={{ width: '85%' }} />
        <div className="skeleton line short" />
      </div>
    </header>
  );
}
