import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHost, startHost } from './host-process.js';

let built: Awaited<ReturnType<typeof buildHost>>;
beforeAll(async () => {
  built = await buildHost();
});
afterAll(() => built?.dispose());

describe('host over real stdio frames', () => {
  it('answers ping and exits cleanly when stdin closes', async () => {
    const h = startHost(built.entry);
    try {
      h.send({ id: 'p1', type: 'ping' });
      const res = await h.reply('p1');
      expect(res).toMatchObject({ ok: true, result: { protocol: 1, pid: h.child.pid } });
      h.child.stdin.end();
      const { code, ms } = await h.exited;
      expect(code).toBe(0);
      expect(ms).toBeLessThan(5000);
    } finally {
      h.cleanup();
    }
  });
});
