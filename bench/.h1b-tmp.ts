import { startHost } from '../tests/integration/native-host/host-process.js';
import { hostDownload, request } from './lib/host-jobs.js';
import { rmSync, mkdtempSync } from 'node:fs';
import { execa } from 'execa';
const url = process.argv[2]!;
const h = startHost(process.argv[3]!, { NODE_OPTIONS: '--import /tmp/speed/diag3.mjs' });
await request(h, { type: 'probe', url });
const hr = () => (process.hrtime.bigint() / 1000n).toString();
for (let i = 0; i < 4; i++) {
  await request(h, { type: 'probe', url });
  const dir = mkdtempSync('/tmp/speed/h1b-');
  const t0 = hr();
  const { ms } = await hostDownload(h, url, 'mp4-1080', dir);
  console.log(`client: request at hr=${t0} done at hr=${hr()} (${ms.toFixed(0)} ms)`);
  rmSync(dir, { recursive: true });
  const b0 = performance.now();
  await execa('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-i', url.replace('manifest.mpd', 'video.mp4'), '-i', url.replace('manifest.mpd', 'audio.m4a'), '-map', '0:v:0', '-map', '1:a:0', '-c', 'copy', '-movflags', '+faststart', '/tmp/speed/bare.mp4']);
  console.log(`bare ffmpeg ${(performance.now() - b0).toFixed(0)} ms`);
}
console.log(h.stderr().split('\n').filter((l) => l.startsWith('[t]')).slice(-16).join('\n'));
h.child.stdin.end();
await h.exited;
h.cleanup();
