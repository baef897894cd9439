/**
 * The file-manager command that shows a file, per OS, as an argument array (never a shell string).
 * Linux has no portable "select this file" command, so xdg-open opens the file's folder.
 */
import path from 'node:path';

export interface RevealCommand {
  command: string;
  args: string[];
  /** The folder the user will see. */
  folder: string;
  /** The file manager is asked to highlight the file itself (not just open its folder). */
  selected: boolean;
  /** Windows: pass args as written; explorer parses `/select,"C:\a b\c"` itself, not like argv. */
  verbatim?: boolean;
  /** Exit codes that still mean "shown" (explorer returns 1 on success). */
  okCodes: number[];
}

export function revealCommand(platform: NodeJS.Platform, file: string): RevealCommand {
  if (platform === 'win32') {
    // The caller validated `file` as an existing absolute path; Windows paths cannot contain `"`.
    return { command: 'explorer.exe', args: [`/select,"${file}"`], folder: path.win32.dirname(file), selected: true, verbatim: true, okCodes: [0, 1] };
  }
  if (platform === 'darwin') return { command: 'open', args: ['-R', file], folder: path.posix.dirname(file), selected: true, okCodes: [0] };
  // xdg-open takes exactly one argument and no `--`; an absolute path cannot be read as an option.
  return { command: 'xdg-open', args: [path.posix.dirname(file)], folder: path.posix.dirname(file), selected: false, okCodes: [0] };
}
