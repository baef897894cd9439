import { describe, expect, it } from 'vitest';
import { ERROR_TEXT, UPDATE_HOST_COMMAND, describeError, errorText } from '../../../shared/error-text.js';
import { ERROR_CODES } from '../../../shared/errors.js';
import { ErrorPayload } from '../../../shared/protocol/index.js';

describe('shared/error-text', () => {
  it('gives every code a text and a fix line, and nothing else', () => {
    expect(Object.keys(ERROR_TEXT).sort()).toEqual([...ERROR_CODES].sort());
    for (const c of ERROR_CODES) {
      const t = errorText(c);
      expect(t?.text.trim(), c).toBeTruthy();
      expect(t?.fix.trim(), c).toBeTruthy();
      expect(t?.fix, c).not.toContain('\n');
    }
  });
  it('describes a known code with its text and fix, an unknown one with the host words', () => {
    expect(describeError({ code: 'media.disk_full', message: 'x' })).toBe(`${ERROR_TEXT['media.disk_full'].text} ${ERROR_TEXT['media.disk_full'].fix}`);
    expect(describeError({ code: 'media.ytdlp_exit', message: 'yt-dlp failed (exit 1): boom' })).toContain('boom');
    expect(describeError({ code: 'protocol.version', message: 'x' })).toContain(UPDATE_HOST_COMMAND);
    expect(errorText('no.such.code')).toBeNull();
  });
  it('the wire accepts exactly the closed set of codes', () => {
    for (const c of ERROR_CODES) expect(ErrorPayload.safeParse({ code: c, message: 'm' }).success, c).toBe(true);
    expect(ErrorPayload.safeParse({ code: 'media.whatever', message: 'm' }).success).toBe(false);
  });
});
