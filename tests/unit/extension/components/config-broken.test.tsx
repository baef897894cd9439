// @vitest-environment jsdom
/** The options page says the host's config file does not parse (with its line) and resets only when asked twice. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PublicConfig } from '../../../../shared/protocol/index.js';
import { OptionsForm } from '../../../../extension/components/OptionsForm.js';
import { DEFAULT_OPTIONS } from '../../../../extension/storage.js';

afterEach(cleanup);

const CONFIG: PublicConfig = {
  downloadDir: '/home/u/Downloads/NexStream',
  concurrency: 2,
  defaultVideoPreset: 'best',
  defaultAudioPreset: 'mp3-320',
  probeCacheSec: 120,
  secrets: { groqApiKey: false, geminiApiKey: false, tursoAuthToken: false, odesliApiKey: false },
  tursoUrl: null,
  tursoReplica: false,
};

describe('options page with a broken host config', () => {
  it('shows the line and the copy, and resets after a confirmation', async () => {
    const broken = { ...CONFIG, fileProblem: { ok: false, line: 4, problem: "Expected ',' or '}' after property value in JSON at position 61", brokenCopy: '/home/u/.config/nexstream/config.json.broken-2026' } };
    const resetHost = vi.fn(async () => CONFIG);
    render(<OptionsForm loadHost={async () => broken} saveHost={vi.fn()} resetHost={resetHost} loadLocal={async () => DEFAULT_OPTIONS} saveLocal={async () => undefined} />);
    expect(await screen.findByText(/syntax error on line 4/)).toBeTruthy();
    expect(screen.getByText(/config.json.broken-2026/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Reset the config file/ }));
    expect(resetHost).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: /Really reset/ }));
    expect(await screen.findByText('Reset to defaults.')).toBeTruthy();
    expect(resetHost).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/syntax error/)).toBeNull();
  });
});
