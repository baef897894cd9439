import { parseArgs } from 'node:util';
import { cliServices, reportError, urlProblem, usageError } from './common.js';
import { probeWithPlaylist, type ProbeWithPlaylist } from '../services/probe-playlist.js';
import type { Command } from './types.js';

const usage = `nexstream probe <url> [--json] [--all] [--no-cache] [--verbose]

Lists what yt-dlp finds at <url>. With --json prints one object:
{url, title, durationSec, thumbnail, formats: [{id, kind, ext, height?, fps?, vcodec?, acodec?, abr?, filesize?}], presets: [{id, label}],
 playlist?: {title, count, entries: [{index, id, title, durationSec, url, thumbnail?}]}}
playlist: when <url> is a playlist (first page; --all for every entry).`;

export const probe: Command = {
  summary: 'Show the title, formats and presets of a media page',
  usage,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, all: { type: 'boolean' }, 'no-cache': { type: 'boolean' }, verbose: { type: 'boolean' } } });
    } catch (e) {
      return usageError(io, usage, (e as Error).message);
    }
    const json = parsed.values.json ?? false;
    const [url, ...extra] = parsed.positionals;
    if (!url || extra.length) return usageError(io, usage, 'expected exactly one <url>');
    let services: Awaited<ReturnType<typeof cliServices>> | null = null;
    try {
      const bad = urlProblem(url);
      if (bad) throw bad;
      services = await cliServices(io, undefined, { verbose: parsed.values.verbose });
      const result = await probeWithPlaylist(services.media, url, { noCache: parsed.values['no-cache'] ?? false, all: parsed.values.all ?? false, log: services.log.forJob(null) });
      io.stdout.write(json ? `${JSON.stringify(result)}\n` : describe(result));
      return 0;
    } catch (e) {
      return reportError(io, json, e);
    } finally {
      await services?.close();
    }
  },
};

function describe(r: ProbeWithPlaylist): string {
  const lines = [`${r.title}${r.durationSec != null ? ` (${Math.round(r.durationSec)} s)` : ''}`, '', 'Formats:'];
  for (const f of r.formats) {
    const bits = [f.kind, f.ext, f.height ? `${f.height}p` : '', f.vcodec ?? '', f.acodec ?? '', f.abr ? `${f.abr}k` : ''].filter(Boolean);
    lines.push(`  ${f.id.padEnd(12)} ${bits.join(' ')}`);
  }
  lines.push('', 'Presets:', ...r.presets.map((p) => `  ${p.id.padEnd(10)} ${p.label}`), '');
  if (r.playlist) {
    const p = r.playlist;
    lines.push(`Playlist: ${p.title} (${p.count ?? `${p.entries.length}+`} entries)`, ...p.entries.map((e) => `  ${String(e.index).padStart(4)}  ${e.title}${e.durationSec != null ? ` (${Math.round(e.durationSec)} s)` : ''}`), '');
  }
  return lines.join('\n');
}
