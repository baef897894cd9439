import { appendFile, chmod, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverTools } from '../../../../native-host/media/tools.js';
import { TOOL_CACHE_MAX_AGE_MS, ToolCache, fingerprint } from '../../../../native-host/media/tool-cache.js';

describe('tool discovery cache', () => {
  let dir: string;
  let calls: string;
  const script = async (name: string, body: string) => {
    const p = path.join(dir, name);
    // Each run leaves a line in `calls`, so the test sees which versions were really asked.
    await writeFile(p, `#!/bin/sh\necho "${name} $1" >> "${calls}"\n${body}\n`);
    await chmod(p, 0o755);
    return p;
  };
  const runs = async () => (await readFile(calls, 'utf8').catch(() => '')).split('\n').filter(Boolean);

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nexstream-toolcache-'));
    calls = path.join(dir, 'calls.log');
    await script('yt-dlp', 'echo 2025.11.12');
    await script('ffmpeg', 'echo "ffmpeg version 7.1 Copyright"; echo "configuration: --enable-x"');
    await script('ffprobe', 'echo "ffprobe version 7.1"');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('asks each binary once, then answers from the file', async () => {
    const cacheFile = path.join(dir, 'data', 'tools.json');
    const first = await discoverTools({ PATH: dir }, { cacheFile });
    expect(await runs()).toHaveLength(2);
    const again = await discoverTools({ PATH: dir }, { cacheFile });
    expect(await runs()).toHaveLength(2);
    expect(again).toEqual(first);
    expect(again).toMatchObject({ ytdlpVersion: '2025.11.12', ffmpegVersion: '7.1', ytdlpSupportsJsRuntimes: true });
  });

  it('asks again when the binary changes (size or mtime)', async () => {
    const cacheFile = path.join(dir, 'tools.json');
    await discoverTools({ PATH: dir }, { cacheFile });
    await appendFile(path.join(dir, 'yt-dlp'), '# upgraded\n');
    await discoverTools({ PATH: dir }, { cacheFile });
    expect((await runs()).filter((l) => l.startsWith('yt-dlp'))).toHaveLength(2);
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(dir, 'ffmpeg'), later, later);
    await discoverTools({ PATH: dir }, { cacheFile });
    expect((await runs()).filter((l) => l.startsWith('ffmpeg'))).toHaveLength(2);
  });

  it('a corrupt cache file is ignored and rewritten; failed runs are not remembered', async () => {
    const cacheFile = path.join(dir, 'tools.json');
    await writeFile(cacheFile, '{not json');
    await discoverTools({ PATH: dir }, { cacheFile });
    expect(JSON.parse(await readFile(cacheFile, 'utf8'))).toMatchObject({ v: 1 });
    const cache = new ToolCache(path.join(dir, 'other.json'));
    expect(await cache.get(path.join(dir, 'yt-dlp'), 'q', async () => null)).toBeNull();
    expect(await cache.get(path.join(dir, 'yt-dlp'), 'q', async () => 'yes')).toBe('yes');
  });

  it('old entries expire', async () => {
    let now = 1_000;
    const file = path.join(dir, 'tools.json');
    const bin = path.join(dir, 'yt-dlp');
    let asked = 0;
    const ask = async () => String(++asked);
    const c1 = new ToolCache(file, () => now);
    await c1.get(bin, 'q', ask);
    await c1.save();
    now += TOOL_CACHE_MAX_AGE_MS - 1;
    expect(await new ToolCache(file, () => now).get(bin, 'q', ask)).toBe('1');
    now += 2;
    expect(await new ToolCache(file, () => now).get(bin, 'q', ask)).toBe('2');
  });

  it('fingerprints follow symlinks to the real file', async () => {
    expect(await fingerprint(path.join(dir, 'missing'))).toBeNull();
    expect(await fingerprint(path.join(dir, 'yt-dlp'))).toMatch(/yt-dlp\|\d+\|\d+$/);
  });
});
