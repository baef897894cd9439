import { parseArgs } from 'node:util';
import type { DoctorReport } from '../../shared/protocol/index.js';
import { buildDoctorReport } from '../services/doctor-report.js';
import { cliServices, usageError } from './common.js';
import type { Command } from './types.js';

const usage = 'nexstream doctor [--json]\n\nReports node, yt-dlp, ffmpeg and ffprobe versions, what is missing or too old (with the fix), and where config, logs and the registry live. Exit 1 if something needs fixing.';

export const doctor: Command = {
  summary: 'Check node, yt-dlp, ffmpeg, ffprobe and show where files live',
  usage,
  async run(args, io) {
    let json = false;
    try {
      json = parseArgs({ args, options: { json: { type: 'boolean' } } }).values.json ?? false;
    } catch (e) {
      return usageError(io, usage, (e as Error).message);
    }
    const report = await buildDoctorReport(await cliServices(io));
    io.stdout.write(json ? `${JSON.stringify(report)}\n` : render(report));
    return report.tools.every((t) => t.ok) ? 0 : 1;
  },
};

function render(r: DoctorReport): string {
  const lines = [`nexstream ${r.hostVersion} (protocol ${r.protocolVersion}) on ${r.platform}`, ''];
  for (const t of r.tools) {
    lines.push(`${t.ok ? 'ok  ' : 'FAIL'} ${t.name.padEnd(16)} ${t.version ?? '-'}  ${t.path ?? (t.ok ? '' : '(not found)')}`);
    if (t.problem) lines.push(`       problem: ${t.problem}`);
    if (t.fix) lines.push(`       fix: ${t.fix}`);
  }
  lines.push('', `config:    ${r.configPath}`, `logs:      ${r.logPath}`, `registry:  ${r.registryPath ?? '-'}`, `downloads: ${r.downloadDir}`, '');
  return lines.join('\n');
}
