/**
 * download(): probe (or reuse a probe) -> choose formats -> one ffmpeg run into `<final>.nexstream.part` -> rename.
 * No intermediate files; a failed or cancelled job leaves nothing behind.
 */
import { mkdir, stat } from 'node:fs/promises';
import { NexError, isNexError } from '../../shared/errors.js';
import { HttpUrl, PresetId } from '../../shared/protocol/index.js';
import { buildFfmpegArgs, supportsCover, type StreamSource } from './ffmpeg-args.js';
import { runFfmpeg } from './ffmpeg-run.js';
import { uniquePath } from './filename.js';
import { fsError } from './output-error.js';
import { recordIfLive } from './record.js';
import { assertComplete } from './verify-output.js';
import { assertDownloadable } from './probe-extras.js';
import { withCookies } from './source-cookies.js';
import { checkSubtitles, dropFailedSubtitle, planExtras } from './download-extras.js';
import { commitPart, removePart } from './part-files.js';
import { MOOV_TOO_SMALL, moovPlanOf, moovReserveBytes } from './moov-reserve.js';
import { presetSpec } from '../../shared/presets.js';
import { chooseFormats } from './presets.js';
import { assertHttpUrl, cancelled, probe } from './probe.js';
import { planSources } from './sources.js';
import { gatherTags, metadataArgs } from './tags.js';
import { addId3Frames, extraId3Frames } from './id3-frames.js';
import type { DownloadHooks, DownloadResult, DownloadSpec, ProbeDetail, Tools } from './types.js';
import { InfoDict, rawFormats } from './ytdlp-info.js';

/** The thumbnail as a second input; cover trouble must never cost the download itself. */
function coverSource(spec: DownloadSpec, detail: ProbeDetail): StreamSource | undefined {
  if (!supportsCover(spec.preset)) return undefined;
  const url = spec.tags?.coverUrl ?? detail.result.thumbnail;
  return url && HttpUrl.safeParse(url).success ? { url } : undefined;
}

export async function download(spec: DownloadSpec, tools: Tools, hooks: DownloadHooks = {}, cachedProbe?: ProbeDetail): Promise<DownloadResult> {
  const { signal, log } = hooks;
  assertHttpUrl(spec.url);
  if (!PresetId.safeParse(spec.preset).success) throw new NexError('input.invalid', `Unknown preset: ${String(spec.preset)}`);
  if (signal?.aborted) throw cancelled();
  const detail = cachedProbe ?? (await probe(spec.url, tools, { signal, log }));
  // "Record from now" on a live stream; a source that is not live downloads as usual.
  if (spec.live) {
    const recorded = await recordIfLive(spec, detail, tools, hooks);
    if (recorded) return recorded;
  }
  assertDownloadable(detail.result);
  const info = InfoDict.parse(detail.info);
  const preset = presetSpec(spec.preset);
  const selection = chooseFormats(rawFormats(info), spec.preset);
  // A generic direct link's "title" is just the URL's file name: the page's own title says more.
  const weakTitle = info.extractor === 'generic' && info.title === info.id;
  const title = spec.tags?.title ?? (weakTitle && spec.title ? spec.title : detail.result.title);
  hooks.onTitle?.(title);
  const sources = withCookies(planSources(selection), spec.cookies);
  const extras = planExtras(info, spec, preset.muxer, 3 + sources.feeders.length, detail.result.durationSec, log);
  const tags = { ...gatherTags({ ...info, title }, spec.tags, spec.title), ...(spec.lyrics && { lyrics: spec.lyrics }) };
  let cover = coverSource(spec, detail);
  // Video files: the index written in place at the front, no faststart pass over the whole file (moov-reserve.ts).
  let moov = preset.kind === 'video' ? moovReserveBytes(moovPlanOf(selection, detail.result.durationSec, { subtitles: extras.extras.subtitles?.length ?? 0, chapters: extras.chapters }, metadataArgs(tags, preset.muxer))) : null;

  try {
    await mkdir(spec.outDir, { recursive: true });
  } catch (e) {
    throw fsError(e, spec.outDir);
  }
  await checkSubtitles(extras, signal, log);
  if (signal?.aborted) throw cancelled();
  const out = await uniquePath(spec.outDir, spec.fileStem ?? title, preset.ext).catch((e: unknown) => {
    throw fsError(e, spec.outDir);
  });
  try {
    let declared: number | null = null;
    for (let attempt = 0; ; attempt++) {
      const args = buildFfmpegArgs({ preset: spec.preset, ...sources, cover, tags, output: { kind: 'file', path: out.partPath, fresh: attempt === 0 }, stallSec: spec.stallSec, extras: extras.extras, moovReserveBytes: moov });
      try {
        ({ declaredDurationSec: declared } = await runFfmpeg(args, tools, {
          signal,
          log,
          url: spec.url,
          durationSec: detail.result.durationSec,
          feeders: sources.feeders,
          onProgress: hooks.onProgress,
          audioRequired: preset.kind === 'audio',
          ...(spec.stallSec ? { stallMs: spec.stallSec * 1000 } : {}),
          textFeeds: extras.textFeeds,
          ...(hooks.cookiesFile ? { cookiesFile: hooks.cookiesFile } : {}),
        }));
        break;
      } catch (e) {
        // The thumbnail failed to open (ffmpeg names the input it could not read): once more without it.
        const tail = isNexError(e) ? String(e.details?.stderrTail ?? '') : '';
        if (isNexError(e) && dropFailedSubtitle(extras, tail, log)) continue;
        // The source had more samples than it announced: the file's head is overwritten, so it is made again with faststart.
        if (moov && isNexError(e) && e.code === 'media.ffmpeg_exit' && MOOV_TOO_SMALL.test(tail)) {
          log?.({ source: 'host', level: 'warn', text: `The source is longer than it said (the ${moov}-byte index room was too small); downloading it again the slower way.` });
          moov = null;
          continue;
        }
        if (!cover || !isNexError(e) || e.code !== 'media.ffmpeg_exit' || !tail.includes(cover.url)) throw e;
        log?.({ source: 'host', level: 'warn', text: `Cover art could not be read (${cover.url}); writing the file without it.` });
        cover = undefined;
      }
    }
    if (preset.muxer === 'mp3') await addId3Frames(out.partPath, extraId3Frames(tags));
    // Complete or nothing: a body that ended early must not become a short "done" file.
    await assertComplete(out.partPath, detail.result.durationSec ?? declared, tools, signal);
    const bytes = (await stat(out.partPath)).size;
    const path = await commitPart(out.partPath, out.finalPath);
    log?.({ source: 'host', level: 'info', text: `Saved ${path} (${bytes} bytes)` });
    return { path, bytes };
  } catch (e) {
    await removePart(out.partPath).catch(() => undefined);
    if (signal?.aborted) throw cancelled();
    throw fsError(e, spec.outDir);
  }
}
