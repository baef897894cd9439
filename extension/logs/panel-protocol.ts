/**
 * Messages on the runtime port between the background relay and DevTools panels. Extension-internal
 * (never crosses to the host), but still validated: a panel can outlive a background of another version.
 */
import { z } from 'zod';
import { DoctorReport, ErrorPayload, JobInfo, LogLine } from '../../shared/protocol/index.js';

export const DEVTOOLS_PORT_NAME = 'nexstream-devtools';

/** A log line as the panel receives it; `dropped` marks an "N lines dropped" summary line. */
export const PanelLine = LogLine.extend({ dropped: z.number().int().nonnegative().optional() });
export type PanelLine = z.infer<typeof PanelLine>;

export const HostState = z.object({
  connected: z.boolean(),
  /** The client's finer state: idle, connecting, ready, not_installed, disconnected. */
  status: z.string().optional(),
  /** Host version from the handshake. */
  version: z.string().optional(),
  /** Why it is not connected, e.g. host.not_installed. */
  error: ErrorPayload.optional(),
  since: z.number().optional(),
});
export type HostState = z.infer<typeof HostState>;

export const ToPanel = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), lines: z.array(PanelLine), jobs: z.array(JobInfo), host: HostState }),
  z.object({ type: z.literal('batch'), lines: z.array(PanelLine), dropped: z.number().int().nonnegative(), jobs: z.array(JobInfo) }),
  z.object({ type: z.literal('host'), host: HostState }),
  z.object({ type: z.literal('doctor'), report: DoctorReport.optional(), error: ErrorPayload.optional() }),
  z.object({ type: z.literal('cleared') }),
]);
export type ToPanel = z.infer<typeof ToPanel>;

export const FromPanel = z.discriminatedUnion('type', [
  z.object({ type: z.literal('doctor') }),
  z.object({ type: z.literal('reconnect') }),
  z.object({ type: z.literal('clear') }),
]);
export type FromPanel = z.infer<typeof FromPanel>;

/** The subset of a runtime Port both ends use; lets tests pass an in-memory pair. */
export interface PortLike {
  name: string;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
}
