import { useEffect, useState } from 'react';
import type { SubtitleTrack } from '../../shared/protocol/index.js';

export interface SubtitlePickerProps {
  tracks: readonly SubtitleTrack[];
  value: string[];
  onChange: (langs: string[]) => void;
}

/** The languages ticked: the options page's defaults the source has, reset when another source is probed. */
export function useSubtitleChoice(tracks: readonly SubtitleTrack[], defaults: readonly string[]): [string[], (v: string[]) => void] {
  // Strings, not arrays, as effect keys: callers pass fresh arrays on every render.
  const key = tracks.map((t) => t.lang).join(',');
  const wanted = defaults.join(',');
  const [value, setValue] = useState<string[]>([]);
  useEffect(() => {
    const have = new Set(key.split(','));
    setValue(wanted.split(',').filter((l) => l && have.has(l)));
  }, [key, wanted]);
  return [value, setValue];
}

/** Subtitle languages to embed in a video download; automatic captions are marked as such. */
export function SubtitlePicker({ tracks, value, onChange }: SubtitlePickerProps) {
  const toggle = (lang: string) => onChange(value.includes(lang) ? value.filter((l) => l !== lang) : [...value, lang]);
  return (
    <fieldset className="group subtitles" aria-label="Subtitles">
      <legend>Subtitles</legend>
      {tracks.map((t) => (
        <label key={t.lang} className="check-field" data-lang={t.lang}>
          <input type="checkbox" checked={value.includes(t.lang)} onChange={() => toggle(t.lang)} /> {t.name}
          {t.name !== t.lang ? ` (${t.lang})` : ''}
          {t.auto ? ' · automatic' : ''}
        </label>
      ))}
    </fieldset>
  );
}
