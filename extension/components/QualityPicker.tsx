import type { PresetId, PresetOption } from '../../shared/protocol/index.js';
import { formatApproxSize } from './format.js';
import { orderPresets, presetText } from './presets.js';

export interface QualityPickerProps {
  presets: readonly PresetOption[];
  value: PresetId | null;
  onChange: (id: PresetId) => void;
  onDownload: (id: PresetId) => void;
  disabled?: boolean;
}

const rowText = (p: PresetOption) => {
  const { primary, detail } = presetText(p);
  return [primary, detail].filter(Boolean).join(' ');
};

function Option({ preset, checked, onChange, disabled }: { preset: PresetOption; checked: boolean; onChange: () => void; disabled?: boolean }) {
  const { primary, detail } = presetText(preset);
  return (
    <label className={`option${checked ? ' selected' : ''}`} data-preset={preset.id}>
      <input type="radio" name="preset" value={preset.id} checked={checked} onChange={onChange} disabled={disabled} />
      <span className="option-label">{primary}</span>
      <span className="option-detail">{detail}</span>
      <span className="option-size">{formatApproxSize(preset.approxSize)}</span>
    </label>
  );
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
          <Option key={p.id} preset={p} checked={p.id === value} onChange={() => onChange(p.id)} disabled={disabled} />
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
        {chosen ? `Download ${rowText(chosen)}` : 'Download'}
      </button>
    </form>
  );
}
