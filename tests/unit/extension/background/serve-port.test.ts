import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { servePort } from '../../../../extension/background/serve-port.js';
import { POPUP_COMMANDS } from '../../../../extension/background/popup-commands.js';
import type { PortLike } from '../../../../extension/logs/panel-protocol.js';
import { FromPopup } from '../../../../extension/messages.js';

function fakePort(failPost = false) {
  const onMessage: Array<(m: unknown) => void> = [];
  const onDisconnect: Array<() => void> = [];
  const posted: unknown[] = [];
  const port: PortLike = {
    name: 'test',
    postMessage: (m) => {
      if (failPost) throw new Error('Attempting to use a disconnected port object');
      posted.push(m);
    },
    disconnect: () => undefined,
    onMessage: { addListener: (fn) => void onMessage.push(fn) },
    onDisconnect: { addListener: (fn) => void onDisconnect.push(fn) },
  };
  return { port, posted, receive: (m: unknown) => onMessage.forEach((f) => f(m)), close: () => onDisconnect.forEach((f) => f()) };
}

const In = z.object({ type: z.literal('hello'), n: z.number() });
const Out = z.object({ type: z.literal('reply'), n: z.number() });

describe('servePort', () => {
  it('hands validated messages to the handler and ignores invalid ones', () => {
    const p = fakePort();
    const seen: unknown[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    servePort(p.port, { accepts: In, sends: Out, onMessage: (m, s) => (seen.push(m), s.send({ type: 'reply', n: m.n + 1 })) });
    p.receive({ type: 'hello', n: 1 });
    p.receive({ type: 'hello', n: 'x' });
    p.receive('junk');
    expect(seen).toEqual([{ type: 'hello', n: 1 }]);
    expect(p.posted).toEqual([{ type: 'reply', n: 2 }]);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('refuses to send what its own schema rejects', () => {
    const p = fakePort();
    const served = servePort(p.port, { accepts: In, sends: Out, onMessage: () => undefined });
    expect(() => served.send({ type: 'reply', n: 'x' } as never)).toThrow();
    expect(p.posted).toEqual([]);
  });

  it('reports a send to a closed port as false instead of throwing', () => {
    const p = fakePort(true);
    const served = servePort(p.port, { accepts: In, onMessage: () => undefined });
    expect(served.send({ type: 'reply', n: 1 })).toBe(false);
  });

  it('runs every close hook once on disconnect', () => {
    const p = fakePort();
    const served = servePort(p.port, { accepts: In, onMessage: () => undefined });
    const a = vi.fn();
    const b = vi.fn();
    served.onClose(a);
    served.onClose(b);
    p.close();
    p.close();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);
  });
});

describe('popup command map', () => {
  it('has exactly one handler per popup command', () => {
    const commands = FromPopup.options.map((o) => o.shape.type.value).filter((t) => t !== 'subscribe');
    expect(Object.keys(POPUP_COMMANDS).sort()).toEqual([...commands].sort());
  });
});
