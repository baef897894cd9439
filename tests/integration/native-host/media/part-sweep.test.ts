/**
 * The start-up part sweep against real processes: a stand-in host that spawned a real ffmpeg (detached, no
 * death signal, as on macOS) is killed with SIGKILL; the sweep finds the orphaned ffmpeg by its part path,
 * kills it and removes the part at once, while parts of live hosts (and untagged fresh ones) stay.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PART_SUFFIX } from '../../../../native-host/media/filename.js';
import { partPathFor } from '../../../../native-host/media/part-names.js';
import { cleanupStaleParts } from '../../../../native-host/media/part-sweep.js';
import { identityOf, selfIdentity, type ProcessIdentity } from '../../../../native-host/media/process-identity.js';
import { processesMatching } from './helpers.js';

// Reads a part path on stdin, starts ffmpeg writing it in its own process group (as supervise does), prints its pid.
const SPAWNS_FFMPEG = `const { spawn } = require('node:child_process');
process.stdin.once('data', (d) => {
  const ff = spawn('ffmpeg', ['-nostdin', '-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'sine=d=120', '-y', '-f', 'wav', d.toString().trim()], { detached: true, stdio: 'ignore' });
  console.log(ff.pid);
});
setInterval(() => {}, 1000);`;

let dir: string;
const started: ChildProcessWithoutNullStreams[] = [];
const orphans: number[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nexstream-sweep-'));
});
afterEach(async () => {
  for (const c of started.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  // Only if the sweep failed: the ffmpeg this test started must not outlive it.
  for (const pid of orphans.splice(0)) for (const p of await processesMatching(dir)) if (p === pid) process.kill(pid, 'SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

/** A stand-in host: a node process that lives until killed. */
async function standIn(script = 'setInterval(() => {}, 1000)'): Promise<{ child: ChildProcessWithoutNullStreams; id: ProcessIdentity }> {
  const child = spawn(process.execPath, ['-e', script]);
  started.push(child);
  const id = await identityOf(child.pid ?? 0);
  if (!id) throw new Error('stand-in host did not start');
  return { child, id };
}

async function killAndWait(c: ChildProcessWithoutNullStreams): Promise<void> {
  const gone = new Promise((r) => c.once('exit', r));
  c.kill('SIGKILL');
  await gone;
}

describe('cleanupStaleParts', () => {
  it("kills the orphaned ffmpeg still writing a dead host's part and removes the part at once", async () => {
    const host = await standIn(SPAWNS_FFMPEG);
    const part = partPathFor(path.join(dir, 'Orphan Clip.wav'), host.id);
    const ffPid = new Promise<number>((resolve) => host.child.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
    host.child.stdin.write(part + '\n');
    const ff = await ffPid;
    orphans.push(ff);
    await new Promise((r) => setTimeout(r, 300));
    await killAndWait(host.child);
    // The orphan is still writing: the bug this sweep exists for.
    expect(await processesMatching(part)).toEqual([ff]);
    expect(await readdir(dir)).toEqual([path.basename(part)]);

    const killed: number[] = [];
    const t0 = Date.now();
    const removed = await cleanupStaleParts(dir, { onOrphan: (pid) => killed.push(pid) });
    console.log(`[part-sweep] orphan ffmpeg ${ff} killed and part removed in ${Date.now() - t0} ms`);
    expect(killed).toEqual([ff]);
    expect(removed).toEqual([part]);
    expect(await processesMatching(part)).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  }, 30_000);

  it('leaves parts of live hosts alone however old; a reused pid with another start time is a dead owner', async () => {
    const live = await standIn();
    const self = await selfIdentity();
    const old = Date.now() / 1000 - 3600;
    const liveOther = partPathFor(path.join(dir, 'Other Host.mp3'), live.id);
    const ours = partPathFor(path.join(dir, 'This Host.mp3'), self);
    const reused = partPathFor(path.join(dir, 'Reused Pid.mp3'), { pid: live.id.pid, start: live.id.start + 1 });
    const dead = await standIn();
    await killAndWait(dead.child);
    const deadOwner = partPathFor(path.join(dir, 'Dead Host.mp3'), dead.id);
    for (const p of [liveOther, ours, reused, deadOwner]) {
      await writeFile(p, 'x');
      await utimes(p, old, old);
    }
    // Untagged (older versions): only the stale one goes.
    await writeFile(path.join(dir, 'legacy fresh.mp4' + PART_SUFFIX), 'x');
    await writeFile(path.join(dir, 'legacy stale.mp4' + PART_SUFFIX), 'x');
    await utimes(path.join(dir, 'legacy stale.mp4' + PART_SUFFIX), old, old);

    const removed = await cleanupStaleParts(dir);
    expect(removed.sort()).toEqual([deadOwner, path.join(dir, 'legacy stale.mp4' + PART_SUFFIX), reused].sort());
    expect((await readdir(dir)).sort()).toEqual([path.basename(liveOther), path.basename(ours), 'legacy fresh.mp4' + PART_SUFFIX].sort());
  });
});
