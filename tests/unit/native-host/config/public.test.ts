import { describe, expect, it } from 'vitest';
import { toPublicConfig } from '../../../../native-host/config/public.js';
import type { HostConfig } from '../../../../native-host/config/schema.js';

function config(tursoUrl: string | null, token: string | null = null): HostConfig {
  return {
    downloadDir: '/tmp/x', concurrency: 2, defaultVideoPreset: 'mp4-1080', defaultAudioPreset: 'mp3-320', probeCacheSec: 300,
    secrets: { groqApiKey: null, geminiApiKey: null, tursoAuthToken: token, odesliApiKey: null },
    tursoUrl, tursoReplica: false, fileHealth: { ok: true }, lyrics: true,
  } as unknown as HostConfig;
}

describe('toPublicConfig', () => {
  it('keeps a plain Turso URL as it is', () => {
    expect(toPublicConfig(config('libsql://db-team.turso.io')).tursoUrl).toBe('libsql://db-team.turso.io');
    expect(toPublicConfig(config(null)).tursoUrl).toBeNull();
  });

  it('never hands the extension a token or password carried in the URL', () => {
    const token = 'eyJhbGciOiJFZERTQSJ9.eyJpYXQiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlLXZhbHVl';
    const withQuery = toPublicConfig(config(`libsql://db.turso.io?authToken=${token}`, token));
    expect(JSON.stringify(withQuery)).not.toContain(token);
    expect(withQuery.tursoUrl).toContain('libsql://db.turso.io');
    const withUserinfo = toPublicConfig(config('https://alice:hunter22secret@db.example.org'));
    expect(JSON.stringify(withUserinfo)).not.toContain('hunter22secret');
    expect(withUserinfo.tursoUrl).toBe('https://alice:***@db.example.org');
  });
});
