import type { DoctorReport, ErrorPayload } from '../../shared/protocol/index.js';
import type { HostState } from '../logs/panel-protocol.js';

interface Props {
  host: HostState;
  /** False while the background itself is unreachable (service worker restarting). */
  linked: boolean;
  doctor: { report?: DoctorReport; error?: ErrorPayload } | null;
  onReconnect: () => void;
  onRefresh: () => void;
}

/** Connection light, host and tool versions from `doctor`, where the log file is, and a reconnect button. */
export function HostStatus({ host, linked, doctor, onReconnect, onRefresh }: Props) {
  const state = !linked ? 'background unreachable' : host.connected ? 'connected' : (host.status ?? 'disconnected').replace('_', ' ');
  const report = doctor?.report;
  return (
    <header className="host-status" aria-label="Host status">
      <span className={`dot ${host.connected && linked ? 'ok' : 'bad'}`} aria-hidden="true" />
      <strong className="host-state" data-connected={host.connected && linked}>Host {state}</strong>
      {(report?.hostVersion ?? host.version) && <span className="ver">v{report?.hostVersion ?? host.version}</span>}
      {report?.tools.map((t) => (
        <span key={t.name} className={`tool ${t.ok ? 'ok' : 'bad'}`} title={t.problem ? `${t.problem}${t.fix ? ` — ${t.fix}` : ''}` : (t.path ?? '')}>
          {t.name} {t.version ?? 'missing'}
        </span>
      ))}
      {report?.registry && report.registry.state !== 'off' && (
        <span className={`tool registry ${report.registry.code ? 'bad' : 'ok'}`} data-code={report.registry.code ?? 'ok'} title={report.registry.message ?? ''}>
          registry {report.registry.mode}{report.registry.code ? `: ${report.registry.code}` : ''}
        </span>
      )}
      {report && (
        <span className="log-path" title="The host's rotating log file">
          log: <code>{report.logPath}</code>
        </span>
      )}
      {host.error && !host.connected && <span className="host-error">{host.error.message}</span>}
      {doctor?.error && <span className="host-error">doctor: {doctor.error.message}</span>}
      <span className="spacer" />
      <button type="button" onClick={onRefresh}>Refresh</button>
      <button type="button" onClick={onReconnect} disabled={host.connected && linked}>Reconnect</button>
    </header>
  );
}
