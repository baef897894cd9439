/**
 * The slice of a runtime.Port the client needs, so tests can hand it a fake.
 * `onDisconnect` carries the browser's reason (Chromium: runtime.lastError; Firefox: port.error).
 */
export interface NativePort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: (reason: { message?: string }) => void): void };
}

/** Opens a new port; may throw synchronously (Firefox does for an unknown host). */
export type Connect = () => NativePort;
