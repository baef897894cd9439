/**
 * `npm run bench:match`: top-1 accuracy of the matcher on ../shared/data/matching-cases.json, run
 * through the production seams for both search paths (InnerTube, and the yt-dlp fallback), next to
 * spotDL's replayed accuracy on the same recordings.
 */
import { grade, loadCases } from './match-cases.js';
import { runThroughSeams, type SearchPath } from './match-seams.js';

const cases = loadCases();
console.log(`matching cases: ${cases.length} (${cases.filter((c) => c.ambiguous).length} marked ambiguous)`);
const pct = (n: number) => `${((100 * n) / cases.length).toFixed(1)}%`;
let spotdl = 0;
for (const [searchPath, label] of [['primary', 'primary (InnerTube)    '], ['fallback', 'fallback (yt-dlp alone)']] as [SearchPath, string][]) {
  const run = await runThroughSeams(cases, searchPath);
  const g = grade(cases, run.picks);
  spotdl = g.spotdlCorrect;
  console.log(`NexStream ${label} top-1: ${g.correct}/${g.total} (${pct(g.correct)})  time ${run.ms} ms (${Math.round(run.ms / g.total)} ms per case)`);
  for (const m of g.misses) console.log(`  miss ${m.case}: picked ${m.picked ?? '(no confident match)'}, acceptable ${m.acceptable.join(', ')}`);
}
console.log(`spotDL replay top-1: ${spotdl}/${cases.length} (${pct(spotdl)})`);
