// Loaded into the host under test with NODE_OPTIONS=--import (the soak only): on SIGUSR2 it runs two full
// GCs and appends the host's memory after them to NEXSTREAM_HEAP_CENSUS as one JSON line. Only the host
// acts on it (argv[2] === 'host'); the tools it spawns inherit the option and ignore it. V8's --expose-gc
// is set here rather than on the command line so the host keeps its ordinary start.
import { appendFileSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';

const out = process.env.NEXSTREAM_HEAP_CENSUS;
if (out && process.argv[2] === 'host') {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  process.on('SIGUSR2', () => {
    gc();
    gc();
    const m = process.memoryUsage();
    const newSpace = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    const heapPhysical = v8.getHeapStatistics().total_physical_size;
    appendFileSync(out, `${JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, heapPhysical, external: m.external, newSpace: newSpace?.space_size ?? 0 })}\n`);
  });
}
