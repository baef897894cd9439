/**
 * The popup's commands, one named handler each (like the host's handler map, not a switch).
 * To add one: add its message to FromPopup (messages.ts) and a line here; the type makes a missing one an error.
 */
import type { FromPopup } from '../messages.js';
import { startDownload } from './download.js';
import { siteCookies } from './site-cookies.js';
import type { HostClient } from '../host/client.js';
import type { JobStore } from './jobs.js';
import { revealPath } from './reveal.js';
import type { Prober } from './prober.js';
import type { Sessions } from './sessions.js';
import type { TabSessions } from './tab-sessions.js';
import { BATCH_COMMANDS } from './batch-commands.js';

export type PopupCommand = Exclude<FromPopup, { type: 'subscribe' }>;

export interface PopupCommandContext {
  tabId: number;
  client: Pick<HostClient, 'request'>;
  jobs: JobStore;
  sessions: Sessions;
  prober: Pick<Prober, 'select'>;
  tabs: Pick<TabSessions, 'jobFor'>;
}

type PopupCommandMap = { [K in PopupCommand['type']]: (ctx: PopupCommandContext, msg: Extract<PopupCommand, { type: K }>) => void };

export const POPUP_COMMANDS: PopupCommandMap = {
  probe: (ctx, msg) => ctx.prober.select(ctx.tabId, msg.url, msg.signedIn),
  download: (ctx, msg) => startDownload(ctx.client, ctx.jobs, ctx.sessions.get(ctx.tabId), msg.preset, msg.subs, siteCookies, msg.live),
  cancel: (ctx, msg) => void ctx.client.request('cancel', { jobId: msg.jobId }).catch(() => undefined),
  stop: (ctx, msg) => void ctx.client.request('stop', { jobId: msg.jobId }).catch(() => undefined),
  reveal: (ctx, msg) => void revealPath(ctx.client, msg.path),
  dismiss: (ctx) => {
    const job = ctx.tabs.jobFor(ctx.tabId);
    if (job && job.status !== 'queued' && job.status !== 'running') ctx.jobs.dismiss(job.id);
    ctx.sessions.get(ctx.tabId).jobId = null;
    ctx.sessions.changed(ctx.tabId);
  },
  ...BATCH_COMMANDS,
};

export function runPopupCommand(ctx: PopupCommandContext, msg: PopupCommand): void {
  (POPUP_COMMANDS[msg.type] as (c: PopupCommandContext, m: PopupCommand) => void)(ctx, msg);
}
