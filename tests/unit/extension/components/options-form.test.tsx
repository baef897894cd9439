// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PublicConfig } from '../../../../shared/protocol/index.js';
import { OptionsForm } from '../../../../extension/components/OptionsForm.js';
import { HostRequestError } from '../../../../extension/host/errors.js';
import { DEFAULT_OPTIONS, parseOptions } from '../../../../extension/storage.js';

afterEach(cleanup);

const CONFIG: PublicConfig = {
  downloadDir: '/home/u/Downloads/NexStream',
  concurrency: 2,
  defaultVideoPreset: 'mp4-1080',
  defaultAudioPreset: 'mp3-320',
  probeCacheSec: 120,
  secrets: { groqApiKey: false, geminiApiKey: false, tursoAuthToken: false, odesliApiKey: false },
  tursoUrl: null,
  tursoReplica: false,
};

describe('options page', () => {
  it('reads the host config and writes only the changed fields it owns through config.set', async () => {
    const saveHost = vi.fn(async (patch: object) => ({ ...CONFIG, ...patch }));
    render(<OptionsForm loadHost={async () => CONFIG} saveHost={saveHost} loadLocal={async () => DEFAULT_OPTIONS} saveLocal={async () => undefined} />);
    const folder = (await screen.findByDisplayValue('/home/u/Downloads/NexStream')) as HTMLInputElement;
    fireEvent.change(folder, { target: { value: '/data/media' } });
    fireEvent.change(screen.getByRole('spinbutton'), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(saveHost).toHaveBeenCalledWith({ downloadDir: '/data/media', concurrency: 4, defaultVideoPreset: 'mp4-1080', defaultAudioPreset: 'mp3-320' });
  });

  it('shows the install command when the host is missing', async () => {
    render(
      <OptionsForm
        loadHost={() => Promise.reject(new HostRequestError({ code: 'host.not_installed', message: 'Specified native messaging host not found.' }))}
        saveHost={vi.fn()}
        loadLocal={async () => DEFAULT_OPTIONS}
        saveLocal={async () => undefined}
      />,
    );
    await waitFor(() => expect(screen.getAllByText(/npx nexstream install/).length).toBeGreaterThan(0));
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('stores browser-side toggles', async () => {
    const saveLocal = vi.fn(async () => undefined);
    render(<OptionsForm loadHost={async () => CONFIG} saveHost={vi.fn()} loadLocal={async () => DEFAULT_OPTIONS} saveLocal={saveLocal} />);
    fireEvent.click(await screen.findByRole('checkbox', { name: /Pre-select audio/ }));
    expect(saveLocal).toHaveBeenCalledWith({ preferAudio: true });
  });
});

describe('typed options', () => {
  it('fills defaults field by field and survives junk', () => {
    expect(parseOptions(undefined)).toEqual(DEFAULT_OPTIONS);
    expect(parseOptions({ notify: false, badge: 'yes', extra: 1 })).toEqual({ notify: false, preferAudio: false, badge: true, subtitleLangs: [], signinSites: [] });
  });
});
