import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../../shared/redact.js';

const redact = createRedactor(() => ['gsk_live_123456789']);

describe('redactor', () => {
  it('masks configured secret values anywhere', () => {
    expect(redact('calling groq with gsk_live_123456789 now')).toBe('calling groq with *** now');
  });
  it('masks credential headers in plain and JSON form', () => {
    expect(redact('Authorization: Bearer abc.def.ghi')).toBe('Authorization: ***');
    expect(redact('headers: {"Cookie": "SID=abc; HSID=def", "User-Agent": "x"}')).toBe('headers: {"Cookie": "***", "User-Agent": "x"}');
    expect(redact('-headers "Cookie: a=b\r\nReferer: https://x/\r\n"')).toContain('Referer: https://x/');
    expect(redact('-headers "Cookie: a=b\r\n"')).not.toContain('a=b');
  });
  it('masks bearer tokens and key/token query params', () => {
    expect(redact('got Bearer eyJhbGciOi.xyz')).toBe('got Bearer ***');
    expect(redact('https://x/api?q=1&key=AIzaXYZ&token=t0k&api_key=z#frag')).toBe('https://x/api?q=1&key=***&token=***&api_key=***#frag');
    expect(redact('https://x/v.mp4?id=5&signature=abc')).toBe('https://x/v.mp4?id=5&signature=***');
  });
  it('leaves ordinary text alone', () => {
    expect(redact('frame=  100 fps=25 time=00:00:04.00 speed=2x')).toBe('frame=  100 fps=25 time=00:00:04.00 speed=2x');
  });
});
