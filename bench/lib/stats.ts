/** Repeated timing and the figure shape every bench module returns. */

export interface Sample {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function summarize(values: number[]): Sample {
  const runs = [...values];
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
  return { median, min: s[0] ?? NaN, max: s.at(-1) ?? NaN, runs };
}

/** Milliseconds of one async call. */
export async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * Runs product and baseline alternately `n` times (interleaved, so load from other processes on this
 * shared machine hits both sides alike) after `warmup` untimed rounds.
 */
export async function paired(n: number, product: () => Promise<number>, baseline: () => Promise<number>, warmup = 1): Promise<{ product: Sample; baseline: Sample }> {
  for (let i = 0; i < warmup; i++) {
    await product();
    await baseline();
  }
  const p: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < n; i++) {
    // Alternate who goes first: page cache and CPU boost favour neither side.
    if (i % 2) {
      b.push(await baseline());
      p.push(await product());
    } else {
      p.push(await product());
      b.push(await baseline());
    }
  }
  return { product: summarize(p), baseline: summarize(b) };
}

/** One line of bench/results.json. `target` reads as "ratio <= target" unless `cmp` says otherwise. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The baseline's median in the same unit, or null for an absolute figure. */
  baseline: number | null;
  ratio: number | null;
  /** Human-readable target, e.g. "<= 1.10" or "< 150 MB". */
  target: string;
  /** null when the figure has no target (informational). */
  pass: boolean | null;
  /** A ratio figure's spread: min and max of the per-round ratios (product run / its paired baseline run). */
  ratioRange?: [number, number];
  /** min/max of the product and baseline runs, and notes on what was measured. */
  detail?: string;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Per-round ratios of two series timed in pairs (same index = same round). */
export function pairRatios(product: number[], baseline: number[]): number[] {
  return product.slice(0, baseline.length).map((p, i) => p / (baseline[i] ?? NaN));
}

/** [min, max] to 3 decimals, for Figure.ratioRange. */
export function minMax(values: number[]): [number, number] {
  const s = summarize(values);
  return [r3(s.min), r3(s.max)];
}

/** "min..max" of the per-round ratios, for details. */
export function ratioRange(product: number[], baseline: number[]): string {
  const r = summarize(pairRatios(product, baseline));
  return `${r.min.toFixed(3)}..${r.max.toFixed(3)}`;
}

/** A ratio figure: product median / baseline median against `maxRatio`, with the per-round ratios' min..max. */
export function ratioFigure(name: string, s: { product: Sample; baseline: Sample }, maxRatio: number, unit = 'ms', note = ''): Figure {
  const ratio = s.product.median / s.baseline.median;
  const per = summarize(pairRatios(s.product.runs, s.baseline.runs));
  const mm = (x: Sample) => `${fmt(x.median)} [${fmt(x.min)}..${fmt(x.max)}]`;
  return {
    name,
    value: r3(s.product.median),
    unit,
    baseline: r3(s.baseline.median),
    ratio: r3(ratio),
    ratioRange: [r3(per.min), r3(per.max)],
    target: `<= ${maxRatio.toFixed(maxRatio < 1 ? 3 : 2)}`,
    pass: ratio <= maxRatio,
    detail: `product ${mm(s.product)} vs baseline ${mm(s.baseline)} (n=${s.product.runs.length}); per-round ratio ${per.min.toFixed(3)}..${per.max.toFixed(3)}${note ? `; ${note}` : ''}`,
  };
}

/** An absolute figure with a bound (`value < max`) or none (informational). */
export function absFigure(name: string, s: Sample, unit: string, max: number | null, note = '', strict = true): Figure {
  return {
    name,
    value: r3(s.median),
    unit,
    baseline: null,
    ratio: null,
    target: max === null ? '-' : `${strict ? '<' : '<='} ${max} ${unit}`,
    pass: max === null ? null : strict ? s.median < max : s.median <= max,
    detail: `median ${fmt(s.median)} [${fmt(s.min)}..${fmt(s.max)}] (n=${s.runs.length})${note ? `; ${note}` : ''}`,
  };
}

export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2);
}
