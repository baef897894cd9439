/**
 * Figures 1 and 2: the media pipeline against the physical floor (bare ffmpeg) and against the tool a
 * user would pick instead (yt-dlp's own download+merge). Source: 1080p H.264 + AAC as separate DASH
 * representations on 127.0.0.1.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { cliEnv, run, settleDisk, type BenchModule } from './lib/context.js';
import { hostDownload, request } from './lib/host-jobs.js';
import { serveDash, type ServedSource } from './lib/media.js';
import { paired, ratioFigure, ratioRange, summarize } from './lib/stats.js';
import { moovReserveBytes } from '../native-host/media/moov-reserve.js';

const FF = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y'];

export const pipeline: BenchModule = async (ctx) => {
  const sizeMB = ctx.quick ? 25 : 250;
  // Odd counts, so a median is one run. Identical runs vary by +-35 % on this 2-core VM (CPU scheduling, not the
  // disk: the same on tmpfs), so a median of 5 moved by +-10 % from one bench run to the next: 11 small, 9 large.
  const n = ctx.quick ? 3 : 11;
  const bigRounds = ctx.quick ? 1 : 9;
  const src = await serveDash(sizeMB);
  ctx.log(`pipeline: ${((src.videoBytes + src.audioBytes) / 1048576).toFixed(0)} MB source (${src.videoSec} s 1080p), ${n} runs each`);
  const out = ctx.scratch('pipeline');
  const home = ctx.scratch('cli-home');
  let k = 0;
  const fresh = () => path.join(out, `run-${k++}`);
  const clean = async (p: string) => {
    await rm(p, { recursive: true, force: true });
    await settleDisk();
  };

  // The product, cold: a new `nexstream download` process that must probe.
  const cold = async (url: string) => {
    const dir = fresh();
    const ms = await run(process.execPath, [ctx.entry, 'download', url, '--preset', 'mp4-1080', '--out', dir, '--json'], { env: cliEnv(home) });
    await clean(dir);
    return ms;
  };
  /** The bare remux; `index` is how the MP4's index gets to the front (the faststart pass unless told otherwise). */
  const bareRemux = async (s: ServedSource = src, index = ['-movflags', '+faststart']) => {
    const file = `${fresh()}.mp4`;
    const ms = await run('ffmpeg', [...FF, '-i', s.videoUrl, '-i', s.audioUrl, '-map', '0:v:0', '-map', '1:a:0', '-c', 'copy', ...index, file]);
    await clean(file);
    return ms;
  };
  // The floor with the product's one-pass MP4 (index room reserved in front, as moov-reserve.ts sizes it for this
  // source: the manifest says 30 fps and 48 kHz): shown beside 1a/1c, since the faststart floor is not the limit.
  const roomFor = (s: ServedSource) => moovReserveBytes({ durationSec: s.videoSec, video: { fps: 30 }, audio: { sampleRate: 48000 }, subtitleTracks: 0, chapters: 0, tagBytes: 0 });
  const bareRemuxInPlace = (s: ServedSource) => bareRemux(s, ['-moov_size', String(roomFor(s))]);
  const bareProbe = (url: string) => run('yt-dlp', ['-J', '--ignore-config', '--no-warnings', '--', url]);
  const ytdlpMerge = async (url: string) => {
    const dir = fresh();
    const ms = await run('yt-dlp', ['--ignore-config', '--no-warnings', '--no-progress', '-f', 'v1080+a128', '--merge-output-format', 'mp4', '-o', `${dir}/%(title)s.%(ext)s`, '--', url]);
    await clean(dir);
    return ms;
  };

  /** Cold product, floor (bare probe + bare remux, also made in place) and yt-dlp's own merge, interleaved round by round. */
  const coldRounds = async (s: ServedSource, rounds: number, warm: Array<() => Promise<number>>) => {
    for (const w of warm) await w();
    const r = { prod: [] as number[], floor: [] as number[], merge: [] as number[], inPlace: [] as number[] };
    for (let i = 0; i < rounds; i++) {
      for (const o of i % 2 ? ['b', 'm', 'p'] : ['p', 'b', 'm']) {
        if (o === 'p') r.prod.push(await cold(s.manifestUrl));
        if (o === 'b') {
          const probeMs = await bareProbe(s.manifestUrl);
          r.floor.push(probeMs + (await bareRemux(s)));
          r.inPlace.push(probeMs + (await bareRemuxInPlace(s)));
        }
        if (o === 'm') r.merge.push(await ytdlpMerge(s.manifestUrl));
      }
    }
    return r;
  };
  /** The product against the floor made the product's way (index in place), for the reader: no target. */
  const inPlaceNote = (r: Awaited<ReturnType<typeof coldRounds>>) =>
    `floor with the index room in place (ffmpeg -moov_size) ${summarize(r.inPlace).median.toFixed(0)} ms, product / it ${(summarize(r.prod).median / summarize(r.inPlace).median).toFixed(3)} [${ratioRange(r.prod, r.inPlace)}]`;
  /** 1c: nothing can beat the floor, so the target is the floor's own ratio to yt-dlp's merge, plus 5 %. */
  const vsMerge = (label: string, r: Awaited<ReturnType<typeof coldRounds>>) => {
    const floorRatio = summarize(r.floor).median / summarize(r.merge).median;
    return ratioFigure(`1c remux${label}: cold nexstream download / yt-dlp -f v+a merge`, { product: summarize(r.prod), baseline: summarize(r.merge) }, floorRatio * 1.05, 'ms', `floor (yt-dlp -J + ffmpeg remux) / merge ${floorRatio.toFixed(3)} [${ratioRange(r.floor, r.merge)}]; target = floor ratio x 1.05; ${inPlaceNote(r)}`);
  };

  // (a) and (c) share the cold product runs, interleaved with both baselines. The product's warm-up
  // is a user's first run ever (tool versions get remembered); --quick skips the baselines' warm-ups.
  const small = await coldRounds(src, n, ctx.quick ? [() => cold(src.manifestUrl)] : [() => cold(src.manifestUrl), () => bareProbe(src.manifestUrl), () => bareRemux(), () => ytdlpMerge(src.manifestUrl)]);
  const warmup = ctx.quick ? 0 : 1;
  const figA = ratioFigure('1a remux: cold nexstream download / (yt-dlp -J + ffmpeg remux)', { product: summarize(small.prod), baseline: summarize(small.floor) }, 1.05, 'ms', inPlaceNote(small));
  const figC = vsMerge('', small);
  // The same on a 1 GB source: start-up matters less, streaming more. One untimed remux puts the
  // files in the page cache, so whoever runs first in a round pays no disk read the others do not.
  const bigSrc = await serveDash(1024);
  ctx.log(`pipeline: 1c on ${((bigSrc.videoBytes + bigSrc.audioBytes) / 1048576).toFixed(0)} MB, ${bigRounds} rounds`);
  const figCBig = vsMerge(' 1 GB', await coldRounds(bigSrc, bigRounds, [() => bareRemux(bigSrc)]));
  await bigSrc.server.close();

  // (b) Through a running host after the popup's probe is cached, against the bare remux alone.
  const h = ctx.startHost({ TMPDIR: ctx.scratch('host-tmp') });
  await request(h, { type: 'probe', url: src.manifestUrl });
  const viaHost = async () => {
    const dir = fresh();
    // The probe stays cached (120 s TTL): re-probe outside the timed part if it might have expired.
    const { ms } = await hostDownload(h, src.manifestUrl, 'mp4-1080', dir);
    await clean(dir);
    return ms;
  };
  const figB = ratioFigure('1b remux: host download (probe cached) / ffmpeg remux', await paired(n, async () => {
    await request(h, { type: 'probe', url: src.manifestUrl });
    return viaHost();
  }, () => bareRemux(), warmup), 1.05, 'ms', 'probe request made just before each timed download, as the popup does');

  // 2: MP3 320 through the host (probe cached) against bare ffmpeg encoding the same audio stream.
  const viaHostMp3 = async () => {
    await request(h, { type: 'probe', url: src.manifestUrl });
    const dir = fresh();
    const { ms } = await hostDownload(h, src.manifestUrl, 'mp3-320', dir);
    await clean(dir);
    return ms;
  };
  const bareMp3 = async () => {
    const file = `${fresh()}.mp3`;
    const ms = await run('ffmpeg', [...FF, '-i', src.audioUrl, '-map', '0:a:0', '-c:a', 'libmp3lame', '-b:a', '320k', file]);
    await clean(file);
    return ms;
  };
  const fig2 = ratioFigure('2 transcode: host MP3 320 (probe cached) / ffmpeg MP3 320', await paired(n, viaHostMp3, bareMp3, warmup), 1.05);
  h.child.stdin.end();
  await h.exited;
  await src.server.close();
  return [figA, figB, figC, figCBig, fig2];
};
