/** The doctor report, shared by the `doctor` request and `nexstream doctor`. */
import { PROTOCOL_VERSION, type DoctorReport, type ToolStatus } from '../../shared/protocol/index.js';
import { toErrorPayload } from '../../shared/errors.js';
import { checkRegistry, registryOptions } from '../registry/index.js';
import { HOST_VERSION } from '../version.js';
import type { HostServices } from './host-services.js';

/** The oldest Node the host supports (package.json engines). */
const MIN_NODE: [number, number] = [20, 19];

export function nodeStatus(version = process.versions.node): ToolStatus {
  const [maj = 0, min = 0] = version.split('.').map(Number);
  const ok = maj > MIN_NODE[0] || (maj === MIN_NODE[0] && min >= MIN_NODE[1]);
  const s: ToolStatus = { name: 'node', path: process.execPath, version, ok };
  if (!ok) {
    s.problem = `Node ${version} is older than ${MIN_NODE.join('.')}`;
    s.fix = 'Install Node 20.19 or newer (https://nodejs.org, or your package manager).';
  }
  return s;
}

export async function buildDoctorReport(s: Pick<HostServices, 'config' | 'media'>): Promise<DoctorReport> {
  const c = s.config.get();
  const processes = s.media.processes?.();
  let tools: ToolStatus[];
  // The registry check runs beside the tool probes; it is bounded by the registry's own op timeout.
  const registry = checkRegistry(registryOptions(c));
  try {
    tools = await s.media.report();
  } catch (e) {
    const err = toErrorPayload(e);
    tools = [{ name: 'media', path: null, version: null, ok: false, problem: err.message }];
  }
  return {
    hostVersion: HOST_VERSION,
    protocolVersion: PROTOCOL_VERSION,
    node: process.versions.node,
    platform: `${process.platform}-${process.arch}`,
    tools: [nodeStatus(), ...tools],
    configPath: c.paths.configFile,
    logPath: c.paths.logFile,
    registryPath: c.paths.registryPath,
    downloadDir: c.downloadDir,
    ...(processes ? { processes } : {}),
    configFile: c.fileHealth,
    registry: await registry,
  };
}
