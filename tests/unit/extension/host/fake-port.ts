import type { NativePort } from '../../../../extension/host/port.js';

/** A scriptable stand-in for runtime.connectNative's port. */
export class FakePort implements NativePort {
  sent: Array<Record<string, unknown>> = [];
  disconnected = false;
  private messageListeners: Array<(m: unknown) => void> = [];
  private disconnectListeners: Array<(r: { message?: string }) => void> = [];
  /** Auto-answer handshake pings (a healthy host). */
  constructor(private readonly autoPing = true) {}
  postMessage(message: unknown): void {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    const m = message as Record<string, unknown>;
    this.sent.push(m);
    if (this.autoPing && m.type === 'ping') queueMicrotask(() => this.reply(m.id as string, { version: '0.1.0', protocol: 1, pid: 1 }));
  }
  disconnect(): void {
    this.disconnected = true;
  }
  onMessage = { addListener: (cb: (m: unknown) => void) => void this.messageListeners.push(cb) };
  onDisconnect = { addListener: (cb: (r: { message?: string }) => void) => void this.disconnectListeners.push(cb) };
  emit(message: unknown): void {
    for (const l of this.messageListeners) l(message);
  }
  reply(id: string, result: unknown): void {
    this.emit({ kind: 'response', id, ok: true, result });
  }
  fail(id: string, code: string, message: string): void {
    this.emit({ kind: 'response', id, ok: false, error: { code, message } });
  }
  /** The browser closing the port (host exited, or never found). */
  drop(message?: string): void {
    this.disconnected = true;
    for (const l of this.disconnectListeners) l({ message });
  }
  last(type: string): Record<string, unknown> {
    const m = [...this.sent].reverse().find((s) => s.type === type);
    if (!m) throw new Error(`no ${type} sent`);
    return m;
  }
}
