/**
 * `nexstream resolve <url-or-text> [--json] [--no-cache] [--meta JSON]`
 * Exit 0 when a match was found, 3 when there is no confident match, 1 on error.
 */
import { toErrorPayload } from '../../shared/errors.js';
import { PageTrackMeta, type ResolveResult } from '../../shared/protocol/track.js';
import { ConfigStore } from '../config/store.js';
import { secretValues } from '../config/public.js';
import { Logger } from '../log/logger.js';
import { resolverFor } from '../resolver/service.js';
import { fixLine } from './common.js';
import { EXIT, type CliIo, type Command } from './types.js';

export const NO_MATCH_EXIT = 3;

export function parseResolveArgs(args: string[]): { input: string; json: boolean; noCache: boolean; meta?: PageTrackMeta } | string {
  const rest: string[] = [];
  let json = false;
  let noCache = false;
  let meta: PageTrackMeta | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--json') json = true;
    else if (a === '--no-cache') noCache = true;
    else if (a === '--meta') {
      try {
        const r = PageTrackMeta.safeParse(JSON.parse(args[++i] ?? ''));
        if (!r.success) return `--meta: ${r.error.issues[0]?.message ?? 'invalid'}`;
        meta = r.data;
      } catch {
        return '--meta takes a JSON object';
      }
    } else rest.push(a);
  }
  const input = rest.join(' ').trim();
  return input ? { input, json, noCache, meta } : 'nothing to resolve';
}

/** The CLI contract's JSON (ResolveResult without the per-candidate breakdowns). */
export function contractJson(r: ResolveResult): Record<string, unknown> {
  const m = r.match;
  return {
    title: r.title,
    artists: r.artists,
    album: r.album,
    isrc: r.isrc,
    durationSec: r.durationSec,
    artworkUrl: r.artworkUrl,
    previewUrl: r.previewUrl,
    level: r.level,
    verified: r.verified,
    match: m ? { id: m.id, url: m.url, title: m.title, channel: m.channel, durationSec: m.durationSec, score: m.score, breakdown: m.breakdown } : null,
    candidates: r.candidates.map((c) => ({ id: c.id, title: c.title, score: c.score })),
    timingsMs: r.timingsMs,
  };
}

export async function runResolve(args: string[], io: CliIo): Promise<{ code: number; result: ResolveResult | null }> {
  const parsed = parseResolveArgs(args);
  if (typeof parsed === 'string') {
    io.stderr.write(`nexstream resolve: ${parsed}\n`);
    return { code: EXIT.usage, result: null };
  }
  const config = new ConfigStore(io.env);
  const log = new Logger({ file: { path: config.get().paths.logFile }, secrets: () => secretValues(config.get()) });
  const { resolver, registry } = await resolverFor({ config, log });
  try {
    const r = await resolver.resolve(parsed.input, { meta: parsed.meta, noCache: parsed.noCache });
    if (parsed.json) io.stdout.write(`${JSON.stringify(contractJson(r))}\n`);
    else {
      io.stdout.write(`${r.artists.join(', ')} - ${r.title ?? '?'}${r.album ? ` [${r.album}]` : ''}${r.isrc ? ` ISRC ${r.isrc}` : ''}\n`);
      io.stdout.write(r.match ? `match (${r.level}${r.verified ? ', verified' : ''}): ${r.match.url}  "${r.match.title}" score ${r.match.score}\n` : `no confident match; top candidates:\n${r.candidates.slice(0, 5).map((c) => `  ${c.score}  ${c.url}  ${c.title}`).join('\n')}\n`);
    }
    return { code: r.match ? EXIT.ok : NO_MATCH_EXIT, result: r };
  } catch (e) {
    const p = toErrorPayload(e);
    if (parsed.json) io.stdout.write(`${JSON.stringify({ error: p })}\n`);
    io.stderr.write(`nexstream resolve: ${p.message} (${p.code})\n${fixLine(p.code)}`);
    return { code: EXIT.failed, result: null };
  } finally {
    await resolver.idle();
    await registry.close();
  }
}

export const resolve: Command = {
  summary: 'Find the official track and the best video for a link or "Artist - Title"',
  usage:
    'nexstream resolve <url-or-text> [--json] [--no-cache] [--meta JSON]\n' +
    '  --json      print one JSON object (title, artists, album, isrc, durationSec, artworkUrl, previewUrl, level, verified, match, candidates, timingsMs)\n' +
    '  --no-cache  skip the registry\n' +
    '  --meta      what a page gave: {"title","artists","durationSec","isrc"}\n' +
    'Exit 0 = matched, 3 = no confident match, other = error.',
  run: async (args, io) => (await runResolve(args, io)).code,
};
