/**
 * Loads ../shared/data/matching-cases.json (validated) and grades picks against acceptableIds.
 * Shared by bench/match.ts and the fast unit-level accuracy test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const casesPath = path.resolve(repoRoot, '../shared/data/matching-cases.json');

const Candidate = z.object({
  id: z.string(),
  title: z.string().nullable(),
  channel: z.string().nullable(),
  artists: z.array(z.string()).nullable().optional(),
  durationSec: z.number().nullable(),
  kind: z.string(),
  album: z.string().nullable().optional(),
  views: z.number().nullable().optional(),
  foundIn: z.array(z.object({ search: z.string(), rank: z.number() })),
});
export type CaseCandidate = z.infer<typeof Candidate>;

const Case = z.object({
  case: z.string(),
  track: z.object({
    title: z.string(),
    artists: z.array(z.string()),
    album: z.string().nullable().optional(),
    durationSec: z.number().nullable().optional(),
    isrc: z.string().nullable().optional(),
    spotifyUrl: z.string().nullable().optional(),
  }),
  searches: z.array(z.object({ search: z.string(), query: z.string() }).passthrough()),
  candidates: z.array(Candidate),
  acceptableIds: z.array(z.string()),
  ambiguous: z.boolean().optional(),
  spotdl: z.object({ replayPick: z.string().nullable().optional() }).passthrough().optional(),
});
export type MatchCase = z.infer<typeof Case>;

export function loadCases(file = casesPath): MatchCase[] {
  return z.array(Case).parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Which of our searches a recorded search corresponds to. */
export function searchKindOf(recorded: string): 'isrc' | 'songs' | 'videos' {
  if (recorded === 'isrc') return 'isrc';
  if (recorded === 'videos' || recorded === 'youtube') return 'videos';
  return 'songs'; // 'songs', and unfiltered YouTube Music searches ('plain')
}

export interface Grade {
  total: number;
  correct: number;
  spotdlCorrect: number;
  misses: { case: string; picked: string | null; acceptable: string[] }[];
}

export function grade(cases: MatchCase[], picks: (string | null)[]): Grade {
  const g: Grade = { total: cases.length, correct: 0, spotdlCorrect: 0, misses: [] };
  cases.forEach((c, i) => {
    const pick = picks[i] ?? null;
    if (pick && c.acceptableIds.includes(pick)) g.correct++;
    else g.misses.push({ case: c.case, picked: pick, acceptable: c.acceptableIds });
    const sp = c.spotdl?.replayPick;
    if (sp && c.acceptableIds.includes(sp)) g.spotdlCorrect++;
  });
  return g;
}
