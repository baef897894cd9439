import { mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PublicConfig } from '../../../../shared/protocol/index.js';
import { ConfigStore, loadConfig, toPublicConfig, writeFileAtomic } from '../../../../native-host/config.js';
import { tempHome } from '../fakes.js';

let h: ReturnType<typeof tempHome>;
beforeEach(() => (h = tempHome()));
afterEach(() => h.cleanup());

const cfgFile = () => path.join(h.home, '.config', 'nexstream', 'config.json');
const writeCfg = (o: unknown) => {
  mkdirSync(path.dirname(cfgFile()), { recursive: true });
  writeFileSync(cfgFile(), JSON.stringify(o));
};

describe('loadConfig', () => {
  it('has documented defaults under HOME/XDG', () => {
    const c = loadConfig(h.env, { platform: 'linux' });
    expect(c.downloadDir).toBe(path.join(h.home, 'Downloads', 'NexStream'));
    expect(c.concurrency).toBe(2);
    expect(c.paths.configFile).toBe(cfgFile());
    expect(c.paths.dataDir).toBe(path.join(h.home, '.local/share', 'nexstream'));
    expect(c.apis).toEqual({ deezer: 'https://api.deezer.com', itunes: 'https://itunes.apple.com', odesli: 'https://api.song.link', ytmusic: 'https://music.youtube.com', groqBaseUrl: null, geminiBaseUrl: null, lrclib: 'https://lrclib.net' });
    expect(c.lyrics).toBe(true);
    expect(c.problems).toEqual([]);
  });

  it('uses the macOS and Windows locations', () => {
    expect(loadConfig({ HOME: '/Users/a' }, { platform: 'darwin' }).paths.configDir).toBe('/Users/a/Library/Application Support/NexStream');
    expect(loadConfig({ USERPROFILE: 'C:/Users/a', APPDATA: 'C:/Users/a/AppData/Roaming' }, { platform: 'win32' }).paths.configDir).toBe(path.join('C:/Users/a/AppData/Roaming', 'NexStream'));
  });

  it('lets env override the file, and the file override defaults', () => {
    writeCfg({ concurrency: 4, downloadDir: '~/Music', probeCacheSec: 10 });
    const fromFile = loadConfig(h.env);
    expect(fromFile).toMatchObject({ concurrency: 4, downloadDir: path.join(h.home, 'Music'), probeCacheSec: 10 });
    const withEnv = loadConfig({ ...h.env, NEXSTREAM_CONCURRENCY: '1', NEXSTREAM_DOWNLOAD_DIR: '/srv/dl', NEXSTREAM_PROBE_CACHE_SEC: '0', NEXSTREAM_YTDLP: '/opt/yt-dlp', GROQ_API_KEY: 'k1', NEXSTREAM_LOG_FILE: '/tmp/x.log', NEXSTREAM_YTMUSIC_URL: 'http://127.0.0.1:9' });
    expect(withEnv).toMatchObject({ concurrency: 1, downloadDir: '/srv/dl', probeCacheSec: 0, tools: { ytdlp: '/opt/yt-dlp' }, secrets: { groqApiKey: 'k1' }, apis: { ytmusic: 'http://127.0.0.1:9' } });
    expect(withEnv.paths.logFile).toBe('/tmp/x.log');
  });

  it('honours NEXSTREAM_CONFIG_DIR and NEXSTREAM_DATA_DIR', () => {
    const c = loadConfig({ ...h.env, NEXSTREAM_CONFIG_DIR: path.join(h.home, 'c'), NEXSTREAM_DATA_DIR: path.join(h.home, 'd') });
    expect(c.paths.configFile).toBe(path.join(h.home, 'c', 'config.json'));
    expect(c.paths.registryPath).toBe(path.join(h.home, 'd', 'registry.db'));
  });

  it('ignores bad values key by key and reports them without crashing', () => {
    writeCfg({ concurrency: 'lots', downloadDir: '/ok', bogus: 1 });
    const c = loadConfig({ ...h.env, NEXSTREAM_CONCURRENCY: 'zero' });
    expect(c.concurrency).toBe(2);
    expect(c.downloadDir).toBe('/ok');
    expect(c.problems.join('\n')).toMatch(/concurrency/);
    writeFileSync(cfgFile(), '{not json');
    expect(loadConfig(h.env).problems[0]).toMatch(/unreadable/);
  });
});

describe('ConfigStore', () => {
  it('writes patches atomically with mode 0600 and keeps other keys', () => {
    writeCfg({ downloadDir: '/keep' });
    const store = new ConfigStore(h.env);
    store.update({ concurrency: 3, geminiApiKey: 'AIzaSecretSecret' });
    const onDisk = JSON.parse(readFileSync(cfgFile(), 'utf8'));
    expect(onDisk).toEqual({ downloadDir: '/keep', concurrency: 3, geminiApiKey: 'AIzaSecretSecret' });
    expect(statSync(cfgFile()).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.dirname(cfgFile()))).toEqual(['config.json']);
    expect(store.get().concurrency).toBe(3);
  });

  it('rejects invalid patches without writing', () => {
    const store = new ConfigStore(h.env);
    expect(() => store.update({ concurrency: 0 })).toThrow(/concurrency/);
    expect(() => store.update({ unknownKey: 1 })).toThrow();
    expect(() => readFileSync(cfgFile())).toThrow();
  });

  it('clears a secret with null', () => {
    const store = new ConfigStore(h.env);
    store.update({ groqApiKey: 'gsk_abcdefgh' });
    expect(toPublicConfig(store.get()).secrets.groqApiKey).toBe(true);
    store.update({ groqApiKey: null });
    expect(toPublicConfig(store.get()).secrets.groqApiKey).toBe(false);
  });

  it('keeps a rename-based write: the old file survives a failed write', () => {
    writeFileAtomic(cfgFile(), '{"concurrency":1}');
    expect(() => writeFileAtomic(path.join(cfgFile(), 'not-a-dir', 'x.json'), '{}')).toThrow();
    expect(readFileSync(cfgFile(), 'utf8')).toBe('{"concurrency":1}');
  });
});

describe('toPublicConfig', () => {
  it('never contains secret values', () => {
    const c = loadConfig({ ...h.env, GROQ_API_KEY: 'gsk_secret_1', GEMINI_API_KEY: 'AIza_secret_2', TURSO_AUTH_TOKEN: 'turso_secret_3', NEXSTREAM_ODESLI_KEY: 'odesli_secret_4', TURSO_URL: 'libsql://db.example' });
    const pub = PublicConfig.strict().parse(toPublicConfig(c));
    const text = JSON.stringify(pub);
    for (const s of ['gsk_secret_1', 'AIza_secret_2', 'turso_secret_3', 'odesli_secret_4']) expect(text).not.toContain(s);
    expect(pub.secrets).toEqual({ groqApiKey: true, geminiApiKey: true, tursoAuthToken: true, odesliApiKey: true });
    expect(pub.tursoUrl).toBe('libsql://db.example');
  });
});
