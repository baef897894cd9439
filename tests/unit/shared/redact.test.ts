import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Event } from '../../../shared/protocol/index.js';
import { MASK, createRedactor, redact } from '../../../shared/redact.js';

describe('shared redact: one mask for host and extension', () => {
  it('masks the password in URL userinfo, keeps the user, host and path', () => {
    expect(redact('http://alice:secret@host.example/v.mp4')).toBe(`http://alice:${MASK}@host.example/v.mp4`);
    expect(redact('[generic] Extracting URL: https://alice:s3cr3t%21@127.0.0.1:8080/page.html')).toBe(
      `[generic] Extracting URL: https://alice:${MASK}@127.0.0.1:8080/page.html`,
    );
    expect(redact('libsql://u:tok@db.example.org')).toBe(`libsql://u:${MASK}@db.example.org`);
  });

  it('masks userinfo inside a logged yt-dlp command line', () => {
    const line = "yt-dlp -J --no-playlist -- 'http://alice:secret@127.0.0.1:9/a.mp4'";
    const out = redact(line);
    expect(out).not.toContain('secret');
    expect(out).toBe(`yt-dlp -J --no-playlist -- 'http://alice:${MASK}@127.0.0.1:9/a.mp4'`);
  });

  it('masks yt-dlp password flags', () => {
    expect(redact('yt-dlp --username bob --password hunter22 -- https://x/')).toBe(`yt-dlp --username bob --password ${MASK} -- https://x/`);
    expect(redact("yt-dlp --video-password='p w' -- https://x/")).toBe(`yt-dlp --video-password=${MASK} -- https://x/`);
  });

  it('masks signed-URL signatures with any prefix (S3 style)', () => {
    expect(redact('https://b.s3.example/o?X-Amz-Credential=c&X-Amz-Signature=abcdef')).toBe(`https://b.s3.example/o?X-Amz-Credential=c&X-Amz-Signature=${MASK}`);
  });

  it('leaves an @ that is not userinfo alone', () => {
    for (const s of ['mail me at a@b.example', 'https://x.example/@channel/videos', 'https://host/p?a=1@2']) expect(redact(s)).toBe(s);
  });

  it('applies configured secret values before the shapes, read on every call', () => {
    let secrets = ['first-secret-value'];
    const r = createRedactor(() => secrets);
    expect(r('x first-secret-value y')).toBe(`x ${MASK} y`);
    secrets = ['second-secret-value'];
    expect(r('first-secret-value second-secret-value')).toBe(`first-secret-value ${MASK}`);
  });

  it('never leaks a userinfo password whatever surrounds it, and stays idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (a, b) => {
        const once = redact(`${a} https://alice:Pa55w0rdXYZ@example.com/x ${b}`);
        expect(once).not.toContain('Pa55w0rdXYZ');
        expect(redact(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});

describe('errors echoed to the extension are redacted', () => {
  it('toErrorPayload masks userinfo in the message and in string details', async () => {
    const { NexError, toErrorPayload } = await import('../../../shared/errors.js');
    const url = 'http://alice:secret@127.0.0.1:9/v.mp4';
    const p = toErrorPayload(new NexError('media.unavailable', `The media is not available: HTTP Error 404 for ${url}`, { url, exitCode: 1 }));
    expect(JSON.stringify(p)).not.toContain('secret');
    expect(p.details).toEqual({ url: `http://alice:${MASK}@127.0.0.1:9/v.mp4`, exitCode: 1 });
    expect(toErrorPayload(new Error(`fetch ${url} failed`)).message).toBe(`fetch http://alice:${MASK}@127.0.0.1:9/v.mp4 failed`);
  });
});

describe('userinfo never reaches a log sink on either side', () => {
  it('the host logger masks it before the wire and the ring; the extension store masks it again', async () => {
    const { Logger } = await import('../../../native-host/log/logger.js');
    const { LogStore } = await import('../../../extension/logs/log-store.js');
    const sent: unknown[] = [];
    const log = new Logger({});
    log.attachWire((e) => sent.push(e));
    log.write({ level: 'info', source: 'yt-dlp', jobId: 'j1', text: "yt-dlp -J -- 'http://alice:secret@127.0.0.1:9/v.mp4'" });
    log.flush();
    expect(JSON.stringify(sent) + JSON.stringify(log.tail('j1'))).not.toContain('secret');
    expect(log.tail('j1')[0]?.text).toContain(`alice:${MASK}@127.0.0.1`);
    // An old host that did not redact: the panel's store still does.
    const store = new LogStore();
    store.add({ t: 1, jobId: null, source: 'host', level: 'info', text: 'GET http://bob:hunter2@h.example/a' });
    expect(store.lines()[0]?.text).toBe(`GET http://bob:${MASK}@h.example/a`);
  });
});

describe('the DevTools relay shows job URLs redacted', () => {
  it('masks userinfo in a job URL and its error before any panel sees it', async () => {
    const { createDevtoolsRelay } = await import('../../../extension/logs/relay.js');
    let emit: (e: Event) => void = () => undefined;
    const relay = createDevtoolsRelay({
      onEvent: (fn) => ((emit = fn), () => undefined),
      onState: () => () => undefined,
      state: () => ({ connected: true }),
      doctor: async () => ({}) as never,
      reconnect: () => undefined,
    });
    const url = 'http://alice:secret@127.0.0.1:9/v.mp4';
    const job = { id: 'j1', kind: 'download' as const, status: 'running' as const, url, createdAt: 1 };
    emit({ kind: 'event', event: 'job.failed', jobId: 'j1', job, error: { code: 'media.unavailable', message: `404 for ${url}` } });
    const got: unknown[] = [];
    relay.accept({ name: 'nexstream-devtools', postMessage: (m) => got.push(m), disconnect: () => undefined, onMessage: { addListener: () => undefined }, onDisconnect: { addListener: () => undefined } });
    expect(JSON.stringify(got)).not.toContain('secret');
    expect(JSON.stringify(got)).toContain(`alice:${MASK}@127.0.0.1`);
    relay.detach();
  });
});
