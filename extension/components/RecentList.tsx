/** The last 50 downloads (single and batch items) from the host's library: show in folder, download again. */
import type { PresetId, RecentEntry } from '../../shared/protocol/index.js';
import { PRESET_IDS } from '../../shared/presets.js';

export function RecentList({ entries, onReveal, onAgain }: { entries: RecentEntry[]; onReveal(path: string): void; onAgain(url: string, preset: PresetId): void }) {
  if (!entries.length) return <p className="muted">Nothing downloaded yet.</p>;
  return (
    <ul className="recent" aria-label="Recent downloads">
      {entries.map((e) => (
        <li key={`${e.at}-${e.path}`}>
          <span className="recent-title" title={e.path}>
            {e.title}
          </span>
          <button type="button" className="link" onClick={() => onReveal(e.path)}>
            Show in folder
          </button>
          {(PRESET_IDS as readonly string[]).includes(e.preset) && (
            <button type="button" className="link" onClick={() => onAgain(e.url, e.preset as PresetId)}>
              Again
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
