import type { PresetId, PresetOption } from '../../shared/protocol/index.js';
import { formatApproxSize } from './format.js';
import { orderPresets, presetDetail } from './presets.js';

export interface QualityPickerProps {
  presets: readonly PresetOption[];
  value: PresetId | null;
  onChange: (id: PresetId) => void;
  onDownload: (id: PresetId) => void;
  disabled?: boolean;
}

/** Video qualities the source really has, then audio-only presets. Native radios: arrow keys move, Enter downloads. */
export function QualityPicker({ presets, value, onChange, onDownload, disabled }: QualityPickerProps) {
  const { video, audio } = orderPresets(presets);
  const chosen = presets.find((p) => p.id === value);
  const group = (title: string, items: PresetOption[]) =>
    items.length > 0 && (
      <fieldset className="group">
        <legend>{title}</legend>
        {items.map((p) => (
          <label key={p.id} className={`option${p.id === value ? ' selected' : ''}`} data-preset={p.id}>
            <input type="radio" name="preset" value={p.id} checked={p.id === value} onChange={() => onChange(p.id)} disabled={disabled} />
            <span className="option-label">{p.label}</span>
            <span className="option-detail">{presetDetail(p)}</span>
            <span className="option-size">{formatApproxSize(p.approxSize)}</span>
          </label>
        ))}
      </fieldset>
    );
  return (
    <form
      className="picker"
      aria-label="Quality"
      onSubmit={(e) => {
        e.preventDefault();
        if (value) onDownload(value);
      }}
    >
      <div className="groups">
        {group('Video', video)}
        {group('Audio only', audio)}
      </div>
      <button type="submit" className="primary" disabled={!value || disabled}>
        {chosen ? `Download ${chosen.label}` : 'Download'}
      </button>
    </form>
  );
}
