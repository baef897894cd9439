import { useEffect, useState, useSyncExternalStore } from 'react';
import type { PanelLink } from '../logs/panel-link.js';
import type { PanelModel } from '../logs/panel-model.js';
import { HostStatus } from './HostStatus.js';
import { JobList } from './JobList.js';
import { LogView } from './LogView.js';

interface Props {
  model: PanelModel;
  link: Pick<PanelLink, 'send'>;
  initialHeight?: number;
}

/** The NexStream DevTools panel: host status on top, jobs, then the live log. */
export function DevtoolsPanel({ model, link, initialHeight }: Props) {
  const version = useSyncExternalStore(model.subscribe, model.getVersion);
  const [jobId, setJobId] = useState<string | undefined>();
  const connected = model.host.connected && model.linked;

  // Ask for versions when the panel links up (this starts the host if needed: the panel is there to
  // show it) and whenever the host reconnects, since tools may have been updated meanwhile.
  useEffect(() => {
    if (model.linked) link.send({ type: 'doctor' });
  }, [model.linked, connected, link]);

  const jobs = [...model.jobs.values()];
  return (
    <div className="panel" data-version={version}>
      <HostStatus host={model.host} linked={model.linked} doctor={model.doctor} onReconnect={() => link.send({ type: 'reconnect' })} onRefresh={() => link.send({ type: 'doctor' })} />
      <div className="jobs-wrap">
        <JobList jobs={jobs} {...(jobId !== undefined && { selected: jobId })} onSelect={setJobId} />
      </div>
      <LogView
        lines={model.store.lines()}
        version={version}
        {...(jobId !== undefined && { jobId })}
        {...(initialHeight !== undefined && { initialHeight })}
        onClear={() => link.send({ type: 'clear' })}
      />
    </div>
  );
}
