/**
 * `npm run bench [-- --quick] [-- --only name,name]`: every figure as a ratio against a baseline measured in
 * the same run (medians, min/max beside them). Writes bench/results.json and prints a table.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { album } from './album.js';
import { browser } from './browser.js';
import { createContext, type BenchModule } from './lib/context.js';
import type { Figure } from './lib/stats.js';
import { renderTable } from './lib/table.js';
import { memory } from './memory.js';
import { pipeline } from './pipeline.js';
import { playlist } from './playlist.js';
import { probe } from './probe.js';
import { registry } from './registry.js';
import { resolver } from './resolver.js';

const MODULES: Record<string, BenchModule> = { pipeline, memory, probe, browser, resolver, registry, playlist, album };

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const onlyArg = argv[argv.indexOf('--only') + 1];
const only = argv.includes('--only') && onlyArg ? new Set(onlyArg.split(',')) : null;

const t0 = Date.now();
const { ctx, dispose } = await createContext(quick);
const figures: Figure[] = [];
const failures: string[] = [];
try {
  for (const [name, mod] of Object.entries(MODULES)) {
    if (only && !only.has(name)) continue;
    const t = Date.now();
    try {
      figures.push(...(await mod(ctx)));
    } catch (e) {
      // One broken group must not hide the others' figures; it is reported and fails the run.
      failures.push(`${name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    ctx.log(`${name} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
} finally {
  dispose();
}
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results.json');
writeFileSync(out, `${JSON.stringify(figures.map(({ detail: _d, ...f }) => f), null, 2)}\n`);
const secs = ((Date.now() - t0) / 1000).toFixed(1);
process.stdout.write(`\nNexStream bench (${quick ? 'quick' : 'full'}) — ${new Date().toISOString()}, ${secs} s\n\n${renderTable(figures)}\n`);
for (const f of failures) process.stdout.write(`FAILED ${f}\n`);
process.stdout.write(`results: ${path.relative(process.cwd(), out)}\n`);
process.exitCode = failures.length ? 1 : 0;
