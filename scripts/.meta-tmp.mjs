import { build } from 'esbuild';
import { hostBuildOptions } from './host-build-options.mjs';
const r = await build({ ...hostBuildOptions(process.cwd(), '/tmp/speed/metaout'), metafile: true, write: true });
for (const [out, o] of Object.entries(r.metafile.outputs)) {
  if (out.endsWith('.map')) continue;
  console.log(out, o.bytes, 'imports:', o.imports.map((i) => i.path.split('/').pop() + (i.kind === 'dynamic-import' ? '(dyn)' : '')).join(' '));
  if (out.includes('cli-')) {
    const agg = new Map();
    for (const [f, i] of Object.entries(o.inputs)) { const k = f.startsWith('node_modules') ? f.split('/').slice(0, f.includes('/@') ? 3 : 2).join('/') : f.split('/').slice(0, 2).join('/'); agg.set(k, (agg.get(k) ?? 0) + i.bytesInOutput); }
    for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log('   ', v, k);
  }
}
