/**
 * The probe answers from yt-dlp's printed info dict, not from its exit: Python's teardown after `-J` has
 * printed (50-70 ms on a cold CLI download here) is not waited for, yet the process is still supervised,
 * reaped and, if it never exits, ended. The yt-dlp is the real one, run through a shell wrapper that holds
 * the exit back, so the printed line is exactly what yt-dlp prints.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../native-host/limits.js';
import { discoverTools, liveChildCount, probe } from '../../../../native-host/media/index.js';
import type { Tools } from '../../../../native-host/media/types.js';
import { makeMediaSite, type MediaSite } from '../../../fixtures/make-media.js';
import { processesMatching, waitNoProcesses } from './helpers.js';

let site: MediaSite;
let tools: Tools;
let dir: string;

/** A yt-dlp that prints what the real one prints, then waits `holdSec` before exiting with the real exit code. */
async function slowExit(name: string, holdSec: number): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `#!/bin/sh\n"${tools.ytdlp}" "$@"\nrc=$?\nsleep ${holdSec}\nexit $rc\n`);
  await chmod(file, 0o755);
  return file;
}

beforeAll(async () => {
  [site, tools] = await Promise.all([makeMediaSite(), discoverTools()]);
  dir = await mkdtemp(path.join(tmpdir(), 'nexstream-early-answer-'));
});
afterAll(async () => {
  await site?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('probe answers once the info dict is printed', () => {
  it('before yt-dlp exits, and the process is still reaped afterwards', async () => {
    const ytdlp = await slowExit('ytdlp-hold-3s', 3);
    const before = liveChildCount();
    const t0 = performance.now();
    const d = await probe(site.url('page.html'), { ...tools, ytdlp }, { noCache: true });
    const answeredMs = performance.now() - t0;
    expect(d.result.title).toBe('NexStream Test Clip');
    // Answered while the wrapper still holds the exit: the 3 s were not waited for.
    expect(await processesMatching('ytdlp-hold-3s')).not.toEqual([]);
    expect(liveChildCount()).toBe(before + 1);
    expect(await waitNoProcesses('ytdlp-hold-3s', 8000)).toEqual([]);
    // Counted until it was gone, then not any more.
    await new Promise((r) => setTimeout(r, 50));
    expect(liveChildCount()).toBe(before);
    expect(answeredMs).toBeLessThan(2500);
  });

  it('a yt-dlp that never exits after printing is ended after LIMITS.ytdlpTeardownMs', async () => {
    const ytdlp = await slowExit('ytdlp-hold-forever', 3600);
    const limits = LIMITS as { ytdlpTeardownMs: number };
    const saved = limits.ytdlpTeardownMs;
    // The real limit is 10 s; the rule is the same at 300 ms.
    limits.ytdlpTeardownMs = 300;
    try {
      await probe(site.url('page.html'), { ...tools, ytdlp }, { noCache: true });
      // It would sleep for an hour: gone within seconds means it was ended.
      expect(await waitNoProcesses('ytdlp-hold-forever', 5000)).toEqual([]);
    } finally {
      limits.ytdlpTeardownMs = saved;
    }
  });

  it('with a cookies file it waits for the exit: yt-dlp saves its cookie jar then, into a file removed after the probe', async () => {
    const ytdlp = await slowExit('ytdlp-hold-1s', 1);
    const cookiesFile = path.join(dir, 'cookies.txt');
    await writeFile(cookiesFile, '# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\tsid\tabc\n', { mode: 0o600 });
    const t0 = performance.now();
    await probe(site.url('page.html'), { ...tools, ytdlp }, { noCache: true, cookiesFile });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(1000);
    expect(await processesMatching('ytdlp-hold-1s')).toEqual([]);
  });

  it('a first line that is not an info dict leaves the verdict to the exit code, as before', async () => {
    const file = path.join(dir, 'ytdlp-noise');
    // Something else on stdout first (a wrapper's banner): the probe waits for the exit and parses the whole output.
    await writeFile(file, `#!/bin/sh\necho "banner"\nexec "${tools.ytdlp}" "$@"\n`);
    await chmod(file, 0o755);
    await expect(probe(site.url('page.html'), { ...tools, ytdlp: file }, { noCache: true })).rejects.toMatchObject({ code: 'media.ytdlp_exit' });
  });
});
