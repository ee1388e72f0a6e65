/**
 * The benchmark contract shared by every suite in `suites/`: a suite exports
 * `export async function run(context: BenchContext): Promise<BenchResult[]>`, and `run.ts` prints the
 * results as one table and writes them to `bench-results.json` at the repository root.
 */
export interface BenchResult {
  name: string;
  /** The figure itself (usually the median), in `unit`. */
  value: number;
  unit: string;
  median?: number;
  p95?: number;
  /** The same figure of the baseline measured in the same run, or null when there is none. */
  baseline: number | null;
  /** value / baseline (or the inverse for "lower is better" figures, as the suite states in `target`). */
  ratio: number | null;
  /** The target in words, e.g. "≥ 0.5× baseline" or "< 3 s"; "reported" when there is none. */
  target: string;
  /** Whether the target holds; null when there is no target. */
  holds: boolean | null;
  notes?: string;
}

export interface BenchContext {
  /** Progress on stderr (never on stdout, which carries the table). */
  progress(message: string): void;
  /** The PostgreSQL server suites create their databases on (they create and drop their own). */
  databaseUrl: string;
  /** Smaller sizes and fewer runs: a smoke run of the runner, not figures to quote. */
  quick: boolean;
}

export type BenchSuite = (context: BenchContext) => Promise<BenchResult[]>;

/** Nearest-rank percentile: with 20 values p95 is the 19th fastest, the median the 10th. */
export function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)]!;
}

/** Rounds for display and JSON: 3 significant digits below 100, whole numbers above. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  if (Math.abs(value) >= 100) return Math.round(value);
  return Number(value.toPrecision(3));
}
