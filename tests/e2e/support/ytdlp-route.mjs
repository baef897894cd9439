#!/usr/bin/env node
// e2e stand-in for yt-dlp (NEXSTREAM_YTDLP): searches and watch-page lookups (`-J --skip-download`, the
// resolver's fallback) go to the fake search (../../fixtures/fake-ytdlp-search),
// everything else to the real yt-dlp, with YouTube watch links rewritten to NEXSTREAM_E2E_WATCH_URL (a
// local media file), so a resolved track can be downloaded offline through the real pipeline.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const at = args.indexOf('--');
const target = at >= 0 ? (args[at + 1] ?? '') : '';
const fake = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/fake-ytdlp-search');
const watch = /^https:\/\/(www\.|music\.)?youtube\.com\/watch\?v=|^https:\/\/youtu\.be\//;
const isSearch = /^ytsearch\d*:/.test(target) || target.startsWith('https://music.youtube.com/search') || (args.includes('--skip-download') && watch.test(target));
const local = process.env.NEXSTREAM_E2E_WATCH_URL;
const routed = !isSearch && local && watch.test(target) ? args.map((a, i) => (i === at + 1 ? local : a)) : args;
const [cmd, argv] = isSearch ? [process.execPath, [fake, ...args]] : [process.env.NEXSTREAM_E2E_REAL_YTDLP ?? 'yt-dlp', routed];
const child = spawn(cmd, argv, { stdio: 'inherit' });
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
