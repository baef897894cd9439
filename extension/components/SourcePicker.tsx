import type { MediaItem } from '../detect/types.js';
import { hostnameOf } from './format.js';

const KIND_LABEL: Record<MediaItem['kind'], string> = { page: 'Page', video: 'Video file', audio: 'Audio file', hls: 'HLS stream', dash: 'DASH stream' };

function sourceLabel(item: MediaItem): string {
  if (item.via === 'page-url') return 'This page';
  let name = item.url;
  try {
    const u = new URL(item.url);
    name = u.pathname.split('/').filter(Boolean).pop() ?? hostnameOf(item.url);
  } catch {
    /* keep the raw URL */
  }
  return `${KIND_LABEL[item.kind]} · ${decodeURIComponent(name).slice(0, 48)}`;
}

/** Which of the page's media to download, when it has more than one. */
export function SourcePicker({ sources, value, onChange, disabled }: { sources: MediaItem[]; value: string | undefined; onChange: (url: string) => void; disabled?: boolean }) {
  return (
    <label className="source">
      <span>Source</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
        {sources.map((s) => (
          <option key={s.url} value={s.url} title={s.url}>
            {sourceLabel(s)}
          </option>
        ))}
      </select>
    </label>
  );
}
