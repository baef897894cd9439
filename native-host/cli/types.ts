/** A CLI command: its help line and a runner that returns the exit code. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: Record<string, string | undefined>;
}

export interface Command {
  /** One line for `nexstream --help`. */
  summary: string;
  /** Full usage for `nexstream <command> --help`. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
