/**
 * The full-model read's single-SQL baseline as a process of its own, so that it shares no thread with the
 * benchmark's client, as the API it is compared with does not: `DATABASE_URL=… node --import tsx
 * test/bench/baseline-server.ts` prints `Baseline listening at http://127.0.0.1:<port>/` and serves
 * `GET /?id=<stored organisation id>` until SIGTERM.
 */
import { startBaseline } from './full-model-baseline';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('Set DATABASE_URL to the database holding the organisation.');
  process.exit(2);
}
const baseline = await startBaseline(databaseUrl);
console.log(`Baseline listening at ${baseline.url}`);
const stop = () => void baseline.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
