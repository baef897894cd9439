/** Windows registry via reg.exe, always with an argument array (no shell, no quoting bugs). */
import { execFile } from 'node:child_process';

export type RegRunner = (args: string[]) => Promise<void>;

export const runReg: RegRunner = (args) =>
  new Promise((resolve, reject) => {
    execFile('reg.exe', args, { windowsHide: true }, (err, _stdout, stderr) => (err ? reject(new Error(`reg ${args[0]} failed: ${stderr || err.message}`)) : resolve()));
  });

export const regAddArgs = (key: string, manifestPath: string): string[] => ['add', key, '/ve', '/t', 'REG_SZ', '/d', manifestPath, '/f'];
export const regDeleteArgs = (key: string): string[] => ['delete', key, '/f'];
