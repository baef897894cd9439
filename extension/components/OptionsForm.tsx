import { useEffect, useState } from 'react';
import { AUDIO_PRESET_IDS as AUDIO, VIDEO_PRESET_IDS as VIDEO } from '../../shared/presets.js';
import type { ConfigPatch, PresetId, PublicConfig } from '../../shared/protocol/index.js';
import { asErrorPayload } from '../host/errors.js';
import type { ExtensionOptions } from '../storage.js';
import { describeError } from '../error-text.js';
import { HostMissing } from './StateCards.js';
import { ConfigBroken } from './ConfigBroken.js';
import { SigninSites } from './SigninSites.js';
import { SubtitleDefaults } from './SubtitleDefaults.js';

export interface OptionsFormProps {
  loadHost: () => Promise<PublicConfig>;
  saveHost: (patch: ConfigPatch) => Promise<PublicConfig>;
  /** Replaces a config file that does not parse with defaults (config.reset). */
  resetHost?: () => Promise<PublicConfig>;
  loadLocal: () => Promise<ExtensionOptions>;
  saveLocal: (patch: Partial<ExtensionOptions>) => Promise<void>;
}

/** Host settings (folder, presets, concurrency) through the protocol, browser-side options in storage. */
export function OptionsForm({ loadHost, saveHost, resetHost, loadLocal, saveLocal }: OptionsFormProps) {
  const [config, setConfig] = useState<PublicConfig | null>(null);
  const [local, setLocal] = useState<ExtensionOptions | null>(null);
  const [status, setStatus] = useState('Loading…');
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    loadLocal().then(setLocal, () => undefined);
    loadHost().then(
      (c) => {
        setConfig(c);
        setStatus('');
      },
      (e) => {
        const err = asErrorPayload(e);
        setMissing(err.code === 'host.not_installed');
        setStatus(describeError(err));
      },
    );
  }, [loadHost, loadLocal]);

  const update = <K extends keyof PublicConfig>(key: K, value: PublicConfig[K]) => config && setConfig({ ...config, [key]: value });
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!config) return;
    setStatus('Saving…');
    try {
      const saved = await saveHost({
        downloadDir: config.downloadDir,
        concurrency: config.concurrency,
        defaultVideoPreset: config.defaultVideoPreset,
        defaultAudioPreset: config.defaultAudioPreset,
        ...(config.lyrics !== undefined && { lyrics: config.lyrics }),
      });
      setConfig(saved);
      setStatus('Saved.');
    } catch (err) {
      setStatus(describeError(asErrorPayload(err)));
    }
  };
  const toggle = (key: keyof ExtensionOptions) => (e: React.ChangeEvent<HTMLInputElement>) => {
    if (!local) return;
    const next = { ...local, [key]: e.target.checked };
    setLocal(next);
    void saveLocal({ [key]: e.target.checked });
  };
  const presetSelect = (key: 'defaultVideoPreset' | 'defaultAudioPreset', ids: readonly PresetId[]) => (
    <select value={config?.[key]} onChange={(e) => update(key, e.target.value as PresetId)} disabled={!config}>
      {ids.map((id) => (
        <option key={id}>{id}</option>
      ))}
    </select>
  );

  return (
    <main className="options">
      <h1>NexStream options</h1>
      {missing && <HostMissing />}
      {config?.fileProblem && (
        <ConfigBroken
          problem={config.fileProblem}
          onReset={
            resetHost &&
            (() =>
              resetHost().then(
                (c) => (setConfig(c), setStatus('Reset to defaults.')),
                (err: unknown) => setStatus(describeError(asErrorPayload(err))),
              ))
          }
        />
      )}
      <form onSubmit={save} className="options" style={{ padding: 0 }}>
        <label className="field">
          <span>Download folder</span>
          <input type="text" name="downloadDir" value={config?.downloadDir ?? ''} onChange={(e) => update('downloadDir', e.target.value)} disabled={!config} />
          <small>An absolute path on this computer. Default: Downloads/NexStream.</small>
        </label>
        <label className="field">
          <span>Default video quality</span>
          {presetSelect('defaultVideoPreset', VIDEO)}
        </label>
        <label className="field">
          <span>Default audio format</span>
          {presetSelect('defaultAudioPreset', AUDIO)}
        </label>
        <label className="field">
          <span>Downloads at once</span>
          <input type="number" name="concurrency" min={1} max={8} value={config?.concurrency ?? 2} onChange={(e) => update('concurrency', Math.min(8, Math.max(1, Number(e.target.value) || 1)))} disabled={!config} />
        </label>
        <label className="row">
          <input type="checkbox" name="lyrics" checked={config?.lyrics ?? true} onChange={(e) => update('lyrics', e.target.checked)} disabled={!config || config.lyrics === undefined} /> Embed lyrics in audio files (from LRCLIB)
        </label>
        <div className="row">
          <button type="submit" className="primary" disabled={!config}>
            Save
          </button>
        </div>
        <p className="status" role="status">
          {status}
        </p>
      </form>
      {local && (
        <fieldset className="field" style={{ border: 0, padding: 0 }}>
          <span>In the browser</span>
          <label className="check-field">
            <input type="checkbox" checked={local.notify} onChange={toggle('notify')} /> Notify me when a download finishes or fails
          </label>
          <label className="check-field">
            <input type="checkbox" checked={local.preferAudio} onChange={toggle('preferAudio')} /> Pre-select audio in the popup
          </label>
          <label className="check-field">
            <input type="checkbox" checked={local.badge} onChange={toggle('badge')} /> Show the media count on the toolbar icon
          </label>
          <SigninSites sites={local.signinSites} onRevoke={(site) => {
            const signinSites = local.signinSites.filter((s) => s !== site);
            setLocal({ ...local, signinSites });
            void saveLocal({ signinSites });
          }} />
          <SubtitleDefaults value={local.subtitleLangs} onChange={(subtitleLangs) => {
            setLocal({ ...local, subtitleLangs });
            void saveLocal({ subtitleLangs });
          }} />
        </fieldset>
      )}
    </main>
  );
}
