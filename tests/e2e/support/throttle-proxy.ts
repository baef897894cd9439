/**
 * A slow mirror of the media server, so a download takes a few seconds and the popup's progress
 * can be seen (a local 4 s clip otherwise finishes before the first screenshot). Forwards Range.
 */
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Transform } from 'node:stream';

export async function startThrottleProxy(upstream: string, bytesPerSec: number): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const up = request(new URL(req.url ?? '/', upstream), { method: req.method, headers: { ...req.headers, host: new URL(upstream).host } }, (upRes) => {
      res.writeHead(upRes.statusCode ?? 502, upRes.headers);
      const slow = new Transform({
        transform(chunk: Buffer, _enc, done) {
          // Release each chunk after the time its size takes at the target rate.
          setTimeout(() => done(null, chunk), (chunk.length / bytesPerSec) * 1000);
        },
      });
      upRes.pipe(slow).pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
