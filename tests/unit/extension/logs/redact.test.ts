import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MASK, redact } from '../../../../shared/redact.js';

// Key-shaped placeholders are assembled at run time so no file in the repo looks like it holds a real key.
const FAKE_GROQ = ['gsk', 'abcdefghijklmnopqrstuvwxyz0123'].join('_');
const FAKE_GOOGLE = ['AIza', 'SyA1234567890abcdefghijklmnopqrstu'].join('');

describe('redact', () => {
  const cases: [string, string, string][] = [
    ['Authorization header', 'ffmpeg -headers "Authorization: Bearer abc.def.ghi123456\\r\\n" -i x', 'abc.def'],
    ['Cookie header in -headers', "-headers 'Cookie: SID=secret1; HSID=secret2\\r\\nUser-Agent: x'", 'secret1'],
    ['Cookie header in yt-dlp --add-header', '--add-header "Cookie:a=topsecret"', 'topsecret'],
    ['Set-Cookie', 'Set-Cookie: session=xyz123; Path=/', 'xyz123'],
    ['key= param', 'https://api.example.com/v1?key=AbCdEf123&x=1', 'AbCdEf123'],
    ['token= param', 'GET /x?foo=1&token=tkn_12345', 'tkn_12345'],
    ['authToken param (Turso)', 'libsql://db.turso.io?authToken=eyJhbGciOiJFZERTQSJ9.eyJhIjoicncifQ.c2lnbmF0dXJlMTIz', 'eyJhbGci'],
    ['Turso JWT bare', 'token is eyJhbGciOiJFZERTQSJ9.eyJpYXQiOjE3MDB9.AbCdEfGhIjKlMnOp', 'eyJpYXQ'],
    ['Groq key', `using ${FAKE_GROQ}`, 'gsk_abcdef'],
    ['Google key', `x-goog-api-key: ${FAKE_GOOGLE}`, 'AIzaSyA123'],
    ['Google key bare', `gemini key ${FAKE_GOOGLE} failed`, 'AIzaSyA123'],
    ['JSON key field', '{"api_key":"supersecretvalue"}', 'supersecretvalue'],
    ['user:pass URL', 'fetching https://bob:hunter2@example.com/a.mp4', 'hunter2'],
    ['bearer in message', 'sent bearer abcdefghijklmnop to server', 'abcdefghijklmnop'],
  ];
  it.each(cases)('%s', (_name, input, secret) => {
    const out = redact(input);
    expect(out).not.toContain(secret);
    expect(out).toContain(MASK);
  });

  it('leaves ordinary ffmpeg and yt-dlp output alone', () => {
    for (const s of [
      'frame=  120 fps= 60 q=28.0 size=     512kB time=00:00:04.80 bitrate= 873.8kbits/s speed=2.4x',
      '[download]  42.0% of 1.20MiB at 3.00MiB/s ETA 00:01',
      'Stream #0:0(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p, 640x360, 25 fps',
      '[generic] Extracting URL: http://127.0.0.1:8080/page.html',
    ]) expect(redact(s)).toBe(s);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const once = redact(s);
        expect(redact(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it('never leaks an embedded token whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        const out = redact(`${a} Authorization: Bearer SeCrEtToKeN99\n${b}`);
        expect(out).not.toContain('SeCrEtToKeN99');
      }),
      { numRuns: 300 },
    );
  });
});
