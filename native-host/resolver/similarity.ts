/** String similarity on folded text: edit-distance ratio and token overlap, both 0..1. */

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  const A = Array.from(a);
  const B = Array.from(b);
  let prev = Array.from({ length: B.length + 1 }, (_, i) => i);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++) {
      const cost = A[i - 1] === B[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[B.length] ?? 0;
}

/** 1 - normalised edit distance. */
export function ratio(a: string, b: string): number {
  const len = Math.max(Array.from(a).length, Array.from(b).length);
  return len === 0 ? 1 : 1 - levenshtein(a, b) / len;
}

/** Token overlap as an F-measure; near-equal tokens (one typo in a long word) count. */
export function tokenF1(a: string[], b: string[]): number {
  if (!a.length || !b.length) return a.length === b.length ? 1 : 0;
  const used = new Set<number>();
  let hits = 0;
  for (const t of a) {
    const j = b.findIndex((u, k) => !used.has(k) && (u === t || (t.length > 4 && ratio(t, u) >= 0.8)));
    if (j >= 0) {
      used.add(j);
      hits++;
    }
  }
  const p = hits / b.length;
  const r = hits / a.length;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** Best of token overlap and whole-string edit ratio (spaces dropped: "Big Mouth" ~ "Bigmouth"). */
export function textSimilarity(a: string[], b: string[]): number {
  return Math.max(tokenF1(a, b), ratio(a.join(''), b.join('')));
}

/** Writing system of a text's letters, so names in different scripts are "unknown", not "different". */
export function script(s: string): 'latin' | 'cyrillic' | 'hebrew' | 'arabic' | 'greek' | 'cjk' | 'other' | 'none' {
  const counts = { latin: 0, cyrillic: 0, hebrew: 0, arabic: 0, greek: 0, cjk: 0, other: 0 };
  for (const ch of s) {
    if (/\p{Script=Latin}/u.test(ch)) counts.latin++;
    else if (/\p{Script=Cyrillic}/u.test(ch)) counts.cyrillic++;
    else if (/\p{Script=Hebrew}/u.test(ch)) counts.hebrew++;
    else if (/\p{Script=Arabic}/u.test(ch)) counts.arabic++;
    else if (/\p{Script=Greek}/u.test(ch)) counts.greek++;
    else if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(ch)) counts.cjk++;
    else if (/\p{L}/u.test(ch)) counts.other++;
  }
  const best = Object.entries(counts).sort((x, y) => y[1] - x[1])[0];
  return best && best[1] > 0 ? (best[0] as keyof typeof counts) : 'none';
}
