/**
 * `pnpm bench [suite…] [--quick]`: runs the benchmark suites one after another, prints one table
 * (name, median, p95, unit, baseline, ratio, target, holds) and writes the same rows to
 * `bench-results.json` at the repository root. See docs/benchmarks.md.
 *
 * DATABASE_URL names the PostgreSQL server (default postgresql://postgres@127.0.0.1:5432/postgres); each
 * suite creates and drops its own database there. Run with `node --import tsx` and the API's tsconfig
 * (type-graphql needs its decorator settings), in one process, so Ctrl-C reaches the suite's clean-up.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { SERVER_URL } from '../support/test-database';
import { round, type BenchContext, type BenchResult, type BenchSuite } from './result';

/** The suites, in the order they run; `pnpm bench <name>…` runs only those. */
export const SUITES = ['full-model-read', 'simple-query', 'derivation', 'start', 'studio'] as const;

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS_FILE = `${repositoryRoot}bench-results.json`;

interface SuiteRun {
  suite: string;
  results: BenchResult[];
  error?: string;
}

function parseArguments(argv: readonly string[]): { suites: string[]; quick: boolean } {
  const quick = argv.includes('--quick');
  const named = argv.filter((argument) => !argument.startsWith('--'));
  for (const name of named) {
    if (!SUITES.includes(name as never)) {
      throw new Error(`Unknown suite "${name}". Suites: ${SUITES.join(', ')}`);
    }
  }
  return { suites: named.length ? named : [...SUITES], quick };
}

async function loadSuite(name: string): Promise<BenchSuite | null> {
  const file = new URL(`./suites/${name}.ts`, import.meta.url);
  if (!existsSync(fileURLToPath(file))) return null;
  const module = (await import(file.href)) as { run?: BenchSuite };
  if (typeof module.run !== 'function') throw new Error(`suites/${name}.ts exports no run(context)`);
  return module.run;
}

function progress(suite: string): (message: string) => void {
  const startedAt = performance.now();
  return (message) =>
    process.stderr.write(`[${suite} ${((performance.now() - startedAt) / 1000).toFixed(1)} s] ${message}\n`);
}

function cell(value: number | null | undefined, unit?: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return unit ? `${round(value)} ${unit}` : String(round(value));
}

export function formatTable(results: readonly BenchResult[]): string {
  const header = ['name', 'median', 'p95', 'unit', 'baseline', 'ratio', 'target', 'holds'];
  const rows = results.map((result) => [
    result.name,
    cell(result.median ?? result.value),
    cell(result.p95),
    result.unit,
    cell(result.baseline),
    result.ratio === null ? '–' : `${round(result.ratio)}×`,
    result.target,
    result.holds === null ? '–' : result.holds ? 'yes' : 'NO',
  ]);
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column]!.length)));
  const numeric = new Set([1, 2, 4, 5]);
  const line = (row: string[]) =>
    row
      .map((text, column) =>
        numeric.has(column) ? text.padStart(widths[column]!) : text.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

function machine(): string {
  const cpu = cpus();
  return (
    `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ` +
    `${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`
  );
}

async function main(): Promise<void> {
  // The request log would interleave with the table and costs the API a write per request; the
  // simple-query suite measures its cost on its own.
  process.env.USM_LOG_LEVEL ??= 'warn';
  const { suites, quick } = parseArguments(process.argv.slice(2));
  const startedAt = performance.now();
  const runs: SuiteRun[] = [];
  if (!existsSync(`${repositoryRoot}studio/dist/index.html`)) {
    console.log('note: studio/dist is missing: run `pnpm build` first for the studio suite.');
  }
  let interrupted = false;
  // Suites clean up in their own `finally`; a signal only stops the runner from starting the next one.
  const onSignal = (signal: string) => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write(`${signal}: finishing the current suite's clean-up, then stopping.\n`);
    process.exitCode = 130;
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));

  for (const name of suites) {
    if (interrupted) break;
    const suite = await loadSuite(name);
    if (!suite) {
      process.stderr.write(`[${name}] skipped: test/bench/suites/${name}.ts does not exist\n`);
      continue;
    }
    const context: BenchContext = { progress: progress(name), databaseUrl: SERVER_URL, quick };
    context.progress('start');
    try {
      runs.push({ suite: name, results: await suite(context) });
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`[${name}] FAILED: ${message}\n`);
      runs.push({ suite: name, results: [], error: message.split('\n')[0] });
      process.exitCode = 1;
    }
    context.progress('done');
  }

  const results = runs.flatMap((run) => run.results);
  console.log();
  console.log(formatTable(results));
  for (const run of runs.filter((run) => run.error)) console.log(`suite ${run.suite} failed: ${run.error}`);
  console.log();
  console.log(
    `machine: ${machine()}; ${quick ? 'QUICK run (small sizes, not for quoting); ' : ''}` +
      `${((performance.now() - startedAt) / 1000).toFixed(0)} s in all`,
  );
  const rows = results.map((result) => ({
    ...result,
    value: round(result.value),
    ...(result.median !== undefined ? { median: round(result.median) } : {}),
    ...(result.p95 !== undefined ? { p95: round(result.p95) } : {}),
    baseline: result.baseline === null ? null : round(result.baseline),
    ratio: result.ratio === null ? null : round(result.ratio),
  }));
  await writeFile(RESULTS_FILE, `${JSON.stringify(rows, null, 2)}\n`);
  console.log(`written: bench-results.json (${rows.length} rows)`);
  // Pools and sockets of finished suites must not keep the runner alive.
  process.exit(process.exitCode ?? 0);
}

await main();
