/**
 * One "host" for the many-writers test: resolves the catalog track through the real resolver (stand-in
 * providers whose URLs come in argv) and writes `count` ISRCs every writer also writes plus `count` of
 * its own, four at a time, through one shared sqld; reads its own back. Prints a JSON summary.
 * Run: node --import tsx remote-writer.ts <sqldUrl> <name> <count> <mode remote|replica> <endpointsJson>
 */
import { openRegistry } from '../../../../native-host/registry/index.js';
import { createResolver } from '../../../../native-host/resolver/index.js';
import type { StructuredLogLine } from '../../../../native-host/log/types.js';
import { FAKE_YTDLP, STAND_IN_LIMITS } from '../../../fixtures/providers/endpoints.js';
import { entry, tmpDirs } from './support.js';

const [url = '', name = 'w', countArg = '50', mode = 'remote', endpointsJson = '{}'] = process.argv.slice(2);
const count = Number(countArg);
if (count % 2) throw new Error('count must be even (writes go in pairs)');
const urls = JSON.parse(endpointsJson) as { deezer: string; itunes: string; odesli: string };
const dirs = tmpDirs();
const errors: StructuredLogLine[] = [];
const reg = await openRegistry({ localPath: dirs.file('registry.db'), tursoUrl: url, replica: mode === 'replica' }, (l) => {
  if (l.level === 'error' || l.level === 'warn') errors.push(l);
});
let failed = 0;
const resolver = createResolver({ endpoints: { ...urls, ytdlp: FAKE_YTDLP }, registry: reg, limits: STAND_IN_LIMITS, providerTimeoutMs: 3000 });
const r = await resolver.resolve('https://open.spotify.com/track/5W3cjX2J3tjhG8zb6u0qHn');
if (!r.verified) failed++;
const mine = (i: number) => `US${name.toUpperCase().padEnd(3, 'X').slice(0, 3)}25${String(i).padStart(5, '0')}`;
const shared = (i: number) => `USSHR25${String(i).padStart(5, '0')}`;
for (let i = 0; i < count; i += 2) {
  const batch = [mine(i), shared(i), mine(i + 1), shared(i + 1)].map((isrc) => reg.putVerified(entry(isrc, { keys: [`deezer:${isrc}`, `writer:${name}:${isrc}`] })));
  failed += (await Promise.all(batch)).filter((ok) => !ok).length;
}
for (let i = 0; i < count; i++) if (!(await reg.getByIsrc(mine(i)))) failed++;
await resolver.idle();
await reg.close();
dirs.dispose();
process.stdout.write(JSON.stringify({ name, level: r.level, failed, errors: errors.map((e) => `${e.event} ${String(e.op ?? '')} ${String(e.error ?? e.reason ?? '')}`).slice(0, 5) }));
