/**
 * `npm run bench:match`: top-1 accuracy of the matcher on ../shared/data/matching-cases.json,
 * run through the production seams, next to spotDL's replayed accuracy on the same recordings.
 */
import { grade, loadCases } from './match-cases.js';
import { runThroughSeams } from './match-seams.js';

const cases = loadCases();
const run = await runThroughSeams(cases);
const g = grade(cases, run.picks);
const pct = (n: number) => `${((100 * n) / g.total).toFixed(1)}%`;
console.log(`matching cases: ${g.total} (${cases.filter((c) => c.ambiguous).length} marked ambiguous)`);
console.log(`NexStream top-1: ${g.correct}/${g.total} (${pct(g.correct)})`);
console.log(`spotDL replay:   ${g.spotdlCorrect}/${g.total} (${pct(g.spotdlCorrect)})`);
console.log(`time: ${run.ms} ms (${Math.round(run.ms / g.total)} ms per case, through stand-in providers and stand-in yt-dlp)`);
for (const m of g.misses) console.log(`  miss ${m.case}: picked ${m.picked ?? '(no confident match)'}, acceptable ${m.acceptable.join(', ')}`);
