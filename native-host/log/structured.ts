/** One structured line from a host module (resolver, registry); the host's logger renders it. Shared so neither imports the other. */
import type { LogLevel } from '../../shared/protocol/index.js';

export interface StructuredLine {
  level: LogLevel;
  event: string;
  provider?: string;
  ms?: number;
  [key: string]: unknown;
}
export type StructuredLog = (line: StructuredLine) => void;
