// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { DoctorReport, JobInfo, LogLine } from '../../../../shared/protocol/index.js';
import { DevtoolsPanel } from '../../../../extension/components/DevtoolsPanel.js';
import { elapsed } from '../../../../extension/components/JobList.js';
import { PanelModel } from '../../../../extension/logs/panel-model.js';

afterEach(cleanup);

const now = Date.now();
const jobs: JobInfo[] = [
  { id: 'job-a', kind: 'download', status: 'running', url: 'http://127.0.0.1/a.mp4', title: 'Clip A', preset: 'mp3-192', createdAt: now - 5000, startedAt: now - 4000, progress: { percent: 42, speed: 1e6, etaSec: 3 } },
  { id: 'job-b', kind: 'download', status: 'failed', url: 'http://127.0.0.1/b', createdAt: now - 9000, startedAt: now - 9000, finishedAt: now - 8000, error: { code: 'media.unavailable', message: 'HTTP 404' } },
];
const l = (jobId: string, text: string): LogLine => ({ t: now, jobId, source: 'ffmpeg', level: 'info', text });
const report: DoctorReport = {
  hostVersion: '0.1.0', protocolVersion: 1, node: 'v20.20.2', platform: 'linux',
  tools: [{ name: 'ffmpeg', path: '/usr/bin/ffmpeg', version: '5.1.9', ok: true }, { name: 'yt-dlp', path: null, version: null, ok: false, problem: 'not found', fix: 'apt-get install yt-dlp' }],
  configPath: '/c', logPath: '/home/u/.local/state/nexstream/host.log', registryPath: null, downloadDir: '/d',
};

function setup() {
  const model = new PanelModel({}, (fn) => fn());
  const send = vi.fn();
  model.setLinked(true);
  model.apply({ type: 'snapshot', lines: [l('job-a', 'a says hi'), l('job-b', 'b says hi')], jobs, host: { connected: true, version: '0.1.0' } });
  render(<DevtoolsPanel model={model} link={{ send }} initialHeight={300} />);
  return { model, send };
}
const texts = () => [...document.querySelectorAll('.log-row .log-text')].map((e) => e.textContent);

describe('DevtoolsPanel', () => {
  it('lists jobs with status, progress and elapsed time', () => {
    setup();
    const rows = document.querySelectorAll('tr.job');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('running');
    expect(rows[0]?.textContent).toContain('42%');
    expect(rows[0]?.textContent).toMatch(/0:0[45]/);
    expect(rows[1]?.textContent).toContain('HTTP 404');
    expect(rows[1]?.textContent).toContain('0:01');
    expect(elapsed(3725_000)).toBe('1:02:05');
  });

  it('selecting a job (click or keyboard) filters the log; selecting again shows all', () => {
    setup();
    expect(texts()).toHaveLength(2);
    const row = document.querySelector('tr[data-job-id="job-a"]') as HTMLElement;
    fireEvent.click(row);
    expect(texts()).toEqual(['a says hi']);
    expect(row.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(row, { key: 'Enter' });
    expect(texts()).toHaveLength(2);
  });

  it('asks doctor on connect, shows versions and the log file, reconnects on demand', () => {
    const { model, send } = setup();
    expect(send).toHaveBeenCalledWith({ type: 'doctor' });
    act(() => model.apply({ type: 'doctor', report }));
    expect(screen.getByText('ffmpeg 5.1.9')).toBeTruthy();
    expect(screen.getByText('yt-dlp missing').className).toContain('bad');
    expect(screen.getByText(report.logPath)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Reconnect' }) as HTMLButtonElement).disabled).toBe(true);
    act(() => model.apply({ type: 'host', host: { connected: false, status: 'disconnected', error: { code: 'host.disconnected', message: 'Native host has exited.' } } }));
    expect(screen.getByText('Host disconnected')).toBeTruthy();
    expect(screen.getByText('Native host has exited.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reconnect' }));
    expect(send).toHaveBeenCalledWith({ type: 'reconnect' });
  });

  it('renders live batches and sends clear to the relay', () => {
    const { model, send } = setup();
    act(() => model.apply({ type: 'batch', lines: [l('job-a', 'live!')], dropped: 0, jobs: [] }));
    expect(texts()).toContain('live!');
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(send).toHaveBeenCalledWith({ type: 'clear' });
  });
});
