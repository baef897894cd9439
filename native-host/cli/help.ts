import type { Command } from './types.js';

export function renderHelp(commands: Record<string, Command>): string {
  const width = Math.max(...Object.keys(commands).map((k) => k.length));
  const rows = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'nexstream: turn a page into a clean media file (yt-dlp + FFmpeg).',
    '',
    'Usage: nexstream <command> [options]    nexstream <command> --help',
    '',
    'Commands:',
    ...rows,
    '',
  ].join('\n');
}
