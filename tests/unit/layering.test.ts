/**
 * The layering rules in .dependency-cruiser.cjs really fail `npm run check`: a scratch tree with one
 * deliberately bad import per rule must make depcruise exit non-zero and name every rule; the same
 * tree without the bad imports passes. (The real tree is checked by `npm run check:layers`.)
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

/** importer -> imported, each one rule's violation. */
const VIOLATIONS: Array<[rule: string, from: string, to: string]> = [
  ['ui-not-background', 'extension/components/Bad.tsx', 'extension/background/app.ts'],
  ['background-not-ui', 'extension/background/bad-ui.ts', 'extension/components/Card.tsx'],
  ['registry-not-resolver', 'native-host/registry/bad.ts', 'native-host/resolver/types.ts'],
  ['log-not-media', 'native-host/log/bad.ts', 'native-host/media/types.ts'],
  ['extension-not-host', 'extension/host/bad.ts', 'native-host/config/load.ts'],
  ['host-not-extension', 'native-host/cli/bad.ts', 'extension/messages.ts'],
  ['shared-standalone', 'shared/bad.ts', 'extension/storage.ts'],
];

function rel(from: string, to: string): string {
  const r = path.posix.relative(path.posix.dirname(from), to).replace(/\.tsx?$/, '.js');
  return r.startsWith('.') ? r : `./${r}`;
}

async function tree(dir: string, withViolations: boolean): Promise<void> {
  await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx' } }));
  const files = new Map<string, string[]>();
  for (const [, from, to] of VIOLATIONS) {
    if (!files.has(to)) files.set(to, []);
    files.set(from, [...(files.get(from) ?? []), ...(withViolations ? [`import type {} from '${rel(from, to)}';`] : [])]);
  }
  // Allowed imports stay allowed: both sides may use shared/.
  files.set('extension/ok.ts', [`import type {} from './../shared/ok.js';`]);
  files.set('native-host/ok.ts', [`import type {} from '../shared/ok.js';`]);
  files.set('shared/ok.ts', []);
  for (const [file, lines] of files) {
    await mkdir(path.join(dir, path.dirname(file)), { recursive: true });
    await writeFile(path.join(dir, file), `${lines.join('\n')}\nexport const x = 1;\n`);
  }
}

function cruise(cwd: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [DEPCRUISE, '--config', CONFIG, '--no-ignore-known', 'extension', 'native-host', 'shared'], { cwd, timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

describe('layering rules (dependency-cruiser)', () => {
  let bad: string;
  let good: string;
  beforeAll(async () => {
    bad = await mkdtemp(path.join(os.tmpdir(), 'nexstream-layers-bad-'));
    good = await mkdtemp(path.join(os.tmpdir(), 'nexstream-layers-good-'));
    await tree(bad, true);
    await tree(good, false);
  });
  afterAll(async () => {
    await rm(bad, { recursive: true, force: true });
    await rm(good, { recursive: true, force: true });
  });

  it('fails on a cross-layer import, naming each broken rule', async () => {
    const r = await cruise(bad);
    expect(r.code).not.toBe(0);
    for (const [rule, from, to] of VIOLATIONS) expect(r.out).toContain(`${rule}: ${from} → ${to}`);
  });

  it('passes the same tree without them', async () => {
    const r = await cruise(good);
    expect(r.out).toContain('no dependency violations found');
    expect(r.code).toBe(0);
  });
});
