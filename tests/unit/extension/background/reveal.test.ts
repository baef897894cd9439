import { beforeEach, describe, expect, it, vi } from 'vitest';

const create = vi.fn(async () => 'id');
vi.mock('wxt/browser', () => ({ browser: { runtime: { getURL: (p: string) => `ext://${p}` }, notifications: { create } } }));
const { revealPath } = await import('../../../../extension/background/reveal.js');
const { HostRequestError } = await import('../../../../extension/host/errors.js');

beforeEach(() => create.mockClear());

describe('revealPath', () => {
  it('asks the host to reveal the file (no file:// tab)', async () => {
    const request = vi.fn(async () => ({ folder: '/d/Batch', selected: false }));
    expect(await revealPath({ request } as never, '/d/Batch/a.mp3')).toBe(true);
    expect(request).toHaveBeenCalledWith('reveal', { path: '/d/Batch/a.mp3' });
    expect(create).not.toHaveBeenCalled();
  });

  it('says why in a notification when the host cannot', async () => {
    const request = vi.fn(async () => {
      throw new HostRequestError({ code: 'os.reveal_failed', message: 'xdg-open is not installed' });
    });
    expect(await revealPath({ request } as never, '/d/a.mp3')).toBe(false);
    expect(create).toHaveBeenCalledWith(expect.stringMatching(/^nexstream-reveal:/), expect.objectContaining({ title: 'Cannot show the file', message: 'xdg-open is not installed Open the download folder yourself; on Linux install xdg-utils (xdg-open).' }));
  });
});
