/**
 * One "browser profile's host" for the concurrency test: opens the shared registry file the way the host
 * does and writes `count` verified tracks and overrides as fast as it can. Prints a JSON summary.
 * Run: node --import tsx registry-writer.ts <dbPath> <writerName> <count>
 */
import { openRegistry, type VerifiedEntry } from '../../native-host/registry/index.js';
import type { ResolverLogLine } from '../../native-host/resolver/types.js';

const [dbPath = '', name = 'w', countArg = '50'] = process.argv.slice(2);
const count = Number(countArg);
const errors: ResolverLogLine[] = [];
const reg = await openRegistry({ localPath: dbPath }, (l) => {
  if (l.level === 'error') errors.push(l);
});
let failed = 0;
const code = name === 'a' ? 'AA' : 'BB';
for (let i = 0; i < count; i++) {
  // Distinct ISRCs per writer (CC-XXX-YY-NNNNN shape), so every write must survive.
  const isrc = `US${code}1${String(25).padStart(2, '0')}${String(i).padStart(5, '0')}`;
  const id = `vid${name}${String(i).padStart(7, '0')}`.slice(0, 11);
  const entry: VerifiedEntry = {
    track: { title: `Song ${name}${i}`, artists: [`Artist ${name}`], album: null, isrc, durationSec: 200, artworkUrl: null, previewUrl: null },
    // A coherent row (the URL leads to the id): the registry refuses to write rows other machines would reject.
    match: { id, url: `https://www.youtube.com/watch?v=${id}`, title: 't', channel: null, durationSec: 200, score: 0.9, foundBy: 'isrc' },
    verifiedBy: 'isrc-search',
    level: 'isrc',
    keys: [`deezer:${name}${i}`],
  } as VerifiedEntry;
  const [a, b] = await Promise.all([
    reg.putVerified(entry),
    reg.putOverride({ key: `text:${name} ${i}`, isrc, videoId: 'dQw4w9WgXcQ', videoUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }, []),
  ]);
  if (!a) failed++;
  if (!b) failed++;
  // Reads interleaved with the other process's writes.
  if (!(await reg.getByIsrc(isrc))) failed++;
}
await reg.close();
process.stdout.write(JSON.stringify({ name, failed, errors: errors.map((e) => String(e.error ?? e.event)).slice(0, 5) }));
