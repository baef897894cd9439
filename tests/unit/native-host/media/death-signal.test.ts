/** The death-signal guard told from the tool cache (knowDeathSignal) instead of found out by running `setpriv --help`. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const spawnSync = vi.fn(() => ({ status: 0, stdout: 'Usage: setpriv [options] <program>\n --pdeathsig keep|clear|<signal>\n' }));
vi.mock('node:child_process', () => ({ spawnSync }));

beforeEach(() => {
  vi.resetModules();
  spawnSync.mockClear();
});

describe.runIf(process.platform === 'linux')('deathSignalPrefix', () => {
  it('uses a remembered answer without running setpriv, and the first answer sticks', async () => {
    const m = await import('../../../../native-host/media/death-signal.js');
    m.knowDeathSignal(true);
    m.knowDeathSignal(false);
    expect(m.deathSignalPrefix()).toEqual(['setpriv', '--pdeathsig', 'KILL', '--']);
    expect(spawnSync).not.toHaveBeenCalled();
  });

  it('a remembered "no" means no guard, still without a run', async () => {
    const m = await import('../../../../native-host/media/death-signal.js');
    m.knowDeathSignal(false);
    expect(m.deathSignalPrefix()).toEqual([]);
    expect(spawnSync).not.toHaveBeenCalled();
  });

  it('asks setpriv once when nothing is remembered; a later answer changes nothing', async () => {
    const m = await import('../../../../native-host/media/death-signal.js');
    expect(m.deathSignalPrefix()).toEqual(['setpriv', '--pdeathsig', 'KILL', '--']);
    m.knowDeathSignal(false);
    expect(m.deathSignalPrefix()).toEqual(['setpriv', '--pdeathsig', 'KILL', '--']);
    expect(spawnSync).toHaveBeenCalledTimes(1);
  });
});
