/**
 * `nexstream resolve <album-or-playlist-url> [--json] [--no-cache]`: every track resolved like a single.
 * JSON contract: {kind, title, artists, tracks: [{position, disc, title, artists, durationSec, isrc, verified, match}]}.
 * Exit 0 when every track matched, 3 when some have no confident match, 1 on error.
 */
import type { ResolvedCollection } from '../../shared/protocol/collection.js';
import { toErrorPayload } from '../../shared/errors.js';
import { allMatched, resolveCollection } from '../resolver/collection/resolve-collection.js';
import { cliServices, fixLine } from './common.js';
import { EXIT, type CliIo } from './types.js';

export const NO_MATCH_EXIT = 3;

export function collectionJson(c: ResolvedCollection): Record<string, unknown> {
  return {
    kind: c.kind,
    title: c.title,
    artists: c.artists,
    tracks: c.tracks.map((t) => {
      const m = t.result?.match;
      return {
        position: t.position,
        disc: t.disc,
        title: t.result?.title ?? t.title,
        artists: t.result?.artists.length ? t.result.artists : t.artists,
        durationSec: t.durationSec ?? t.result?.durationSec ?? null,
        isrc: t.isrc ?? t.result?.isrc ?? null,
        verified: t.result?.verified ?? false,
        match: m ? { id: m.id, url: m.url, title: m.title, score: m.score } : null,
        ...(t.error && { error: { code: t.error.code, message: t.error.message } }),
      };
    }),
  };
}

function text(c: ResolvedCollection): string {
  const head = `${c.kind === 'album' ? 'Album' : 'Playlist'}: ${c.artists.join(', ')}${c.artists.length ? ' - ' : ''}${c.title} (${c.tracks.length} tracks, from ${c.source})\n`;
  const rows = c.tracks.map((t) => {
    const n = `${c.discTotal > 1 ? `${t.disc}-` : ''}${String(t.position).padStart(2, '0')}`;
    const m = t.result?.match;
    const how = m ? `${t.result?.verified ? 'verified' : 'match'} ${m.score} ${m.url}` : t.error ? `failed: ${t.error.message}` : 'no confident match';
    return `  ${n}  ${t.artists.join(', ')} - ${t.result?.title ?? t.title}  ->  ${how}\n`;
  });
  return head + rows.join('');
}

export async function runResolveCollection(input: string, o: { json: boolean; noCache: boolean }, io: CliIo): Promise<number> {
  const services = await cliServices(io, undefined, { stderrLevel: null });
  try {
    const c = await resolveCollection(await services.resolver(), input, { noCache: o.noCache });
    io.stdout.write(o.json ? `${JSON.stringify(collectionJson(c))}\n` : text(c));
    return allMatched(c) ? EXIT.ok : NO_MATCH_EXIT;
  } catch (e) {
    const p = toErrorPayload(e);
    if (o.json) io.stdout.write(`${JSON.stringify({ error: p })}\n`);
    io.stderr.write(`nexstream resolve: ${p.message} (${p.code})\n${fixLine(p.code)}`);
    return EXIT.failed;
  } finally {
    await services.close();
  }
}
