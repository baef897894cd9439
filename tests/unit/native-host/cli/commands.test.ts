import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../../native-host/cli/commands.js';
import { main } from '../../../../native-host/cli/index.js';
import { renderBar, ProgressPrinter } from '../../../../native-host/cli/progress-bar.js';
import { capturedStreams } from '../../../fixtures/captured-streams.js';

function io() {
  const s = capturedStreams();
  return { io: { stdout: s.stdout, stderr: s.stderr, env: {} }, out: s.out, err: s.err };
}

describe('CLI command map', () => {
  it('has the contract commands, each with a summary and usage', () => {
    for (const name of ['probe', 'download', 'host', 'install', 'uninstall', 'doctor', 'resolve', 'version']) {
      expect(commands[name], name).toBeDefined();
      expect(commands[name]!.summary.length).toBeGreaterThan(5);
      expect(commands[name]!.usage).toContain(`nexstream ${name}`);
    }
  });

  it('prints help and version, and rejects unknown commands with exit 2', async () => {
    const a = io();
    expect(await main(['--help'], a.io)).toBe(0);
    expect(a.out()).toContain('download');
    const b = io();
    expect(await main(['--version'], b.io)).toBe(0);
    expect(b.out()).toMatch(/^nexstream \d+\.\d+\.\d+ \(protocol 1\)/);
    const c = io();
    expect(await main(['frobnicate'], c.io)).toBe(2);
    expect(c.err()).toContain('unknown command');
    const d = io();
    expect(await main(['download', '--help'], d.io)).toBe(0);
    expect(d.out()).toContain('--preset');
  });

  it('reports usage errors and bad URLs per the contract', async () => {
    const a = io();
    expect(await main(['download', 'https://x.test/', '--preset', 'mp9'], a.io)).toBe(2);
    const b = io();
    expect(await main(['download', '-rf', '--json'], b.io)).toBe(2);
    const c = io();
    expect(await main(['download', 'ftp://x.test/a', '--json'], c.io)).toBe(1);
    expect(JSON.parse(c.out())).toEqual({ type: 'error', code: 'input.invalid_url', message: expect.any(String), fix: expect.any(String) });
    const d = io();
    expect(await main(['probe', 'file:///etc/passwd', '--json'], d.io)).toBe(1);
    expect(JSON.parse(d.out())).toMatchObject({ type: 'error', code: 'input.invalid_url' });
  });
});

describe('progress bar', () => {
  it('renders percent, speed and ETA', () => {
    expect(renderBar({ percent: 50, speed: 2 * 1024 * 1024, etaSec: 75 }, 10)).toBe('[#####-----]  50.0% 2.0 MB/s ETA 1:15');
    expect(renderBar({ percent: null, speed: null, etaSec: null }, 4)).toBe('[????]   ?%');
  });

  it('redraws in place on a TTY and prints periodic lines otherwise', () => {
    let t = 0;
    const tty = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
    let ttyOut = '';
    tty.on('data', (d) => (ttyOut += d));
    const p = new ProgressPrinter(tty);
    p.update({ percent: 10, speed: null, etaSec: null });
    p.update({ percent: 20, speed: null, etaSec: null });
    p.end();
    expect(ttyOut.split('\r\x1b[2K')).toHaveLength(3);
    expect(ttyOut.endsWith('\n')).toBe(true);

    const pipe = new PassThrough();
    let pipeOut = '';
    pipe.on('data', (d) => (pipeOut += d));
    const q = new ProgressPrinter(pipe, 1000, () => t);
    t = 1000;
    q.update({ percent: 10, speed: null, etaSec: null });
    t = 1500;
    q.update({ percent: 20, speed: null, etaSec: null });
    t = 2100;
    q.update({ percent: 30, speed: null, etaSec: null });
    expect(pipeOut.trim().split('\n')).toHaveLength(2);
    expect(pipeOut).not.toContain('\r');
  });
});
