/** "This playlist (N items)": a windowed list with check boxes (all checked), one preset for all, the target folder, an optional index prefix. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { PRESET_IDS } from '../../shared/presets.js';
import type { PlaylistInfo, PresetId, PresetOption } from '../../shared/protocol/index.js';
import { formatDuration } from './format.js';
import { VirtualList } from './VirtualList.js';

export interface PlaylistPanelProps {
  playlist: PlaylistInfo;
  presets: PresetOption[];
  defaultPreset: PresetId | null;
  /** Asks for the next page while the listing is incomplete. */
  onMore(): void;
  onStart(preset: PresetId, indices: number[], indexPrefix: boolean): void;
}

const ROW = 44;

export function PlaylistPanel({ playlist, presets, defaultPreset, onMore, onStart }: PlaylistPanelProps) {
  const [unchecked, setUnchecked] = useState<Set<number>>(new Set());
  const [prefix, setPrefix] = useState(false);
  const options = useMemo(() => (presets.length ? presets.map((p) => ({ id: p.id, label: p.label })) : PRESET_IDS.map((id) => ({ id, label: id }))), [presets]);
  const [preset, setPreset] = useState<PresetId>(defaultPreset ?? options[0]?.id ?? 'best');
  const { entries } = playlist;
  // Keep loading pages until the listing is complete: the rows appear as they arrive.
  const more = useRef(onMore);
  more.current = onMore;
  useEffect(() => {
    if (!playlist.complete) more.current();
  }, [entries.length, playlist.complete]);
  const checked = entries.filter((e) => !unchecked.has(e.index));
  const toggle = (i: number) =>
    setUnchecked((u) => {
      const n = new Set(u);
      if (n.has(i)) n.delete(i);
      else n.add(i);
      return n;
    });
  const count = playlist.count ?? entries.length;
  return (
    <section className="playlist" aria-label="Playlist">
      <header className="playlist-head">
        <strong>{playlist.title || 'Playlist'}</strong> <span className="muted">{count} items{playlist.complete ? '' : ' (listing…)'}</span>
      </header>
      <div className="playlist-tools">
        <label>
          <input type="checkbox" checked={unchecked.size === 0} onChange={(e) => setUnchecked(e.target.checked ? new Set() : new Set(entries.map((x) => x.index)))} /> All
        </label>
        <label>
          <input type="checkbox" checked={prefix} onChange={(e) => setPrefix(e.target.checked)} data-testid="index-prefix" /> Number files (01 - …)
        </label>
      </div>
      <VirtualList
        className="playlist-rows"
        label="Playlist entries"
        count={entries.length}
        rowHeight={ROW}
        initialHeight={220}
        follow={false}
        onFollowChange={() => {}}
        renderRow={(i) => {
          const e = entries[i];
          if (!e) return null;
          return (
            <label key={e.index} className="playlist-row" style={{ height: ROW }} role="listitem" data-index={e.index}>
              <input type="checkbox" checked={!unchecked.has(e.index)} onChange={() => toggle(e.index)} aria-label={`Include ${e.title}`} />
              {e.thumbnail ? <img src={e.thumbnail} alt="" width={56} height={32} loading="lazy" /> : <span className="thumb-empty" />}
              <span className="playlist-title" title={e.title}>
                {e.index}. {e.title}
              </span>
              <span className="muted">{formatDuration(e.durationSec)}</span>
            </label>
          );
        }}
      />
      <div className="playlist-go">
        <select value={preset} onChange={(e) => setPreset(e.target.value as PresetId)} aria-label="Preset for all">
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
        <span className="muted folder">→ …/{playlist.title || 'Playlist'}/</span>
        <button type="button" className="primary" disabled={checked.length === 0} onClick={() => onStart(preset, checked.map((e) => e.index), prefix)}>
          Download {checked.length}
        </button>
      </div>
    </section>
  );
}
