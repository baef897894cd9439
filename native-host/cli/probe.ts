import { parseArgs } from 'node:util';
import type { ProbeResult } from '../../shared/protocol/index.js';
import { cliServices, reportError, urlProblem, usageError } from './common.js';
import type { Command } from './types.js';

const usage = `nexstream probe <url> [--json] [--no-cache] [--verbose]

Lists what yt-dlp finds at <url>. With --json prints one object:
{url, title, durationSec, thumbnail, formats: [{id, kind, ext, height?, fps?, vcodec?, acodec?, abr?, filesize?}], presets: [{id, label}]}`;

export const probe: Command = {
  summary: 'Show the title, formats and presets of a media page',
  usage,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, 'no-cache': { type: 'boolean' }, verbose: { type: 'boolean' } } });
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
      const detail = await services.media.probe(url, { noCache: parsed.values['no-cache'], log: services.log.forJob(null) });
      io.stdout.write(json ? `${JSON.stringify(detail.result)}\n` : describe(detail.result));
      return 0;
    } catch (e) {
      return reportError(io, json, e);
    } finally {
      await services?.close();
    }
  },
};

function describe(r: ProbeResult): string {
  const lines = [`${r.title}${r.durationSec != null ? ` (${Math.round(r.durationSec)} s)` : ''}`, '', 'Formats:'];
  for (const f of r.formats) {
    const bits = [f.kind, f.ext, f.height ? `${f.height}p` : '', f.vcodec ?? '', f.acodec ?? '', f.abr ? `${f.abr}k` : ''].filter(Boolean);
    lines.push(`  ${f.id.padEnd(12)} ${bits.join(' ')}`);
  }
  lines.push('', 'Presets:', ...r.presets.map((p) => `  ${p.id.padEnd(10)} ${p.label}`), '');
  return lines.join('\n');
}
