import { parseArgs } from 'node:util';
import type { DoctorReport } from '../../shared/protocol/index.js';
import { buildDoctorReport } from '../services/doctor-report.js';
import { browserReport, type BrowserStatus } from '../install/browser-report.js';
import { cliServices, usageError } from './common.js';
import type { Command } from './types.js';

const usage =
  'nexstream doctor [--json]\n\nReports node, yt-dlp, ffmpeg and ffprobe versions, what is missing or too old (with the fix), where config, logs and the registry live, and every browser found: where its host manifest is and what is wrong (Flatpak override, Snap). Exit 1 if something needs fixing.';

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
    const services = await cliServices(io);
    const report = await buildDoctorReport(services).finally(() => services.close());
    const browsers = browserReport({ env: io.env });
    io.stdout.write(json ? `${JSON.stringify({ ...report, browsers })}\n` : render(report) + renderBrowsers(browsers));
    const registryOk = !report.registry || report.registry.state === 'ok' || report.registry.state === 'off';
    return report.tools.every((t) => t.ok) && registryOk && report.configFile?.ok !== false && browsers.every((b) => b.ok) ? 0 : 1;
  },
};

function render(r: DoctorReport): string {
  const lines = [`nexstream ${r.hostVersion} (protocol ${r.protocolVersion}) on ${r.platform}`, ''];
  for (const t of r.tools) {
    lines.push(`${t.ok ? 'ok  ' : 'FAIL'} ${t.name.padEnd(16)} ${t.version ?? '-'}  ${t.path ?? (t.ok ? '' : '(not found)')}`);
    if (t.problem) lines.push(`       problem: ${t.problem}`);
    if (t.fix) lines.push(`       fix: ${t.fix}`);
  }
  if (r.processes) lines.push('', `processes: ${r.processes.live} of ${r.processes.cap} (probes running ${r.processes.probesRunning}, waiting ${r.processes.probesWaiting})`);
  if (r.configFile && !r.configFile.ok) {
    lines.push('', `FAIL config file does not parse${r.configFile.line ? ` (line ${r.configFile.line})` : ''}: ${r.configFile.problem ?? ''}`);
    lines.push(`       kept as is; a copy is at ${r.configFile.brokenCopy ?? '-'}; changes are refused until you fix it or reset it (options page)`);
  }
  const reg = r.registry;
  if (reg && (reg.state === 'auth' || reg.state === 'unavailable')) lines.push(`FAIL registry (${reg.mode})  ${reg.code}`, `       problem: ${reg.message ?? ''}`);
  else if (reg) lines.push(`ok   registry (${reg.mode})`);
  lines.push('', `config:    ${r.configPath}`, `logs:      ${r.logPath}`, `registry:  ${r.registryPath ?? '-'}`, `downloads: ${r.downloadDir}`, '');
  return lines.join('\n');
}

function renderBrowsers(list: BrowserStatus[]): string {
  if (list.length === 0) return 'browsers:  none found (see `nexstream install --help`)\n';
  const lines = ['browsers:'];
  for (const b of list) {
    lines.push(`${b.ok ? 'ok  ' : 'FAIL'} ${b.id.padEnd(14)} ${b.manifestPath ?? '-'}`);
    for (const p of b.problems) lines.push(`       problem: ${p}`);
    for (const f of b.fixes) lines.push(`       fix: ${f}`);
  }
  return `${lines.join('\n')}\n`;
}
