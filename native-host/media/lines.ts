/** Splits a child's output into lines for the log; a line ended by a bare \r is a progress line that replaces the last one. */

export interface LineSink {
  push(chunk: string): void;
  /** Flushes an unterminated last line. */
  end(): void;
}

export function lineSplitter(onLine: (text: string, carriageReturn: boolean) => void): LineSink {
  let buf = '';
  const drain = (final: boolean) => {
    const re = /([^\r\n]*)(\r\n|\n|\r)/g;
    let m: RegExpExecArray | null;
    let used = 0;
    while ((m = re.exec(buf))) {
      // A trailing \r might be the first half of \r\n split across chunks: wait for more.
      if (!final && m[2] === '\r' && re.lastIndex === buf.length) break;
      used = re.lastIndex;
      if (m[1]) onLine(m[1], m[2] === '\r');
    }
    buf = buf.slice(used);
    if (final && buf) {
      onLine(buf, false);
      buf = '';
    }
  };
  return {
    push(chunk) {
      buf += chunk;
      drain(false);
    },
    end() {
      drain(true);
    },
  };
}

/** Keeps the last `n` lines, for error messages ("stderr tail"). */
export class Tail {
  private lines: string[] = [];
  constructor(private readonly n = 20) {}
  add(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.n) this.lines.shift();
  }
  text(): string {
    return this.lines.join('\n');
  }
  some(re: RegExp): boolean {
    return this.lines.some((l) => re.test(l));
  }
}

/** A command line for humans (the log), quoted POSIX-style; never executed. */
export function displayCommand(file: string, args: readonly string[]): string {
  const q = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`).replace(/\r\n/g, '\\r\\n')}'`);
  return [file, ...args].map(q).join(' ');
}
