/**
 * `nexstream resolve <url-or-text> [--json] [--no-cache] [--meta JSON]`
 * Exit 0 when a match was found, 3 when there is no confident match, 1 on error.
 */
import { parseArgs } from 'node:util';
import { toErrorPayload } from '../../shared/errors.js';
import { PageTrackMeta, type ResolveResult } from '../../shared/protocol/track.js';
import { collectionLink } from '../../shared/collection-link.js';
import { cliServices, fixLine } from './common.js';
import { runResolveCollection } from './resolve-collection.js';
import { EXIT, type CliIo, type Command } from './types.js';

export const NO_MATCH_EXIT = 3;

const usage =
  'nexstream resolve [--json] [--no-cache] [--meta JSON] [--] <url-or-text>\n' +
  'nexstream resolve [--json] [--no-cache] <album-or-playlist-url>   (Deezer, Apple Music, Spotify, Tidal)\n' +
  '  album JSON: {kind, title, artists, tracks: [{position, disc, title, artists, durationSec, isrc, verified, match}]}\n' +
  '  --json      print one JSON object (title, artists, album, isrc, durationSec, artworkUrl, previewUrl, level, verified, match, candidates, timingsMs)\n' +
  '  --no-cache  skip the registry\n' +
  '  --meta      what a page gave: {"title","artists","durationSec","isrc"}\n' +
  '  --          ends the options (for text that starts with "-")\n' +
  'Exit 0 = matched (an album: every track), 3 = no confident match (for some track), other = error.';

export interface ResolveArgs {
  input: string;
  json: boolean;
  noCache: boolean;
  meta?: PageTrackMeta;
}

/** node:util parseArgs, strict: an unknown flag is a usage error, never part of the text searched for. */
export function parseResolveArgs(args: string[]): ResolveArgs | string {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { json: { type: 'boolean' }, 'no-cache': { type: 'boolean' }, meta: { type: 'string' } } });
  } catch (e) {
    return (e as Error).message;
  }
  const { values, positionals } = parsed;
  let meta: PageTrackMeta | undefined;
  if (values.meta !== undefined) {
    try {
      const r = PageTrackMeta.safeParse(JSON.parse(values.meta));
      if (!r.success) return `--meta: ${r.error.issues[0]?.message ?? 'invalid'}`;
      meta = r.data;
    } catch {
      return '--meta takes a JSON object';
    }
  }
  const input = positionals.join(' ').trim();
  return input ? { input, json: values.json ?? false, noCache: values['no-cache'] ?? false, meta } : 'nothing to resolve';
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
    io.stderr.write(`nexstream resolve: ${parsed}\n\n${usage}\n`);
    return { code: EXIT.usage, result: null };
  }
  if (collectionLink(parsed.input)) return { code: await runResolveCollection(parsed.input, parsed, io), result: null };
  // The resolver reports through its result and the log file; stderr stays for the one error line.
  const services = await cliServices(io, undefined, { stderrLevel: null });
  try {
    const resolver = await services.resolver();
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
    // Lets a registry hit's preview refresh land, then closes the registry and the log file.
    await services.close();
  }
}

export const resolve: Command = {
  summary: 'Find the official track and the best video for a link or "Artist - Title"',
  usage,
  run: async (args, io) => (await runResolve(args, io)).code,
};


