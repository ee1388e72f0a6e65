import { AsyncLocalStorage } from 'node:async_hooks';
import { DefaultLogger, type LoggerNamespace } from '@mikro-orm/core';

/**
 * Counts the SQL statements issued inside `countSqlStatements(...)`. Tests use it to prove that reading a
 * model takes a constant number of statements; benchmarks report it. Only active when the ORM runs with
 * `countStatements` (otherwise MikroORM does not log queries at all).
 */
interface Counter {
  statements: number;
}

const currentCounter = new AsyncLocalStorage<Counter>();

export async function countSqlStatements<T>(
  work: () => Promise<T>,
): Promise<{ result: T; statements: number }> {
  const counter: Counter = { statements: 0 };
  const result = await currentCounter.run(counter, work);
  return { result, statements: counter.statements };
}

/** Runs `next` (e.g. the rest of an HTTP request) with a fresh counter. */
export function withStatementCounter(next: () => void): void {
  currentCounter.run({ statements: 0 }, next);
}

/** Statements counted so far in the current scope, or undefined outside one. */
export function currentStatementCount(): number | undefined {
  return currentCounter.getStore()?.statements;
}

export class SqlStatementLogger extends DefaultLogger {
  constructor(
    options: ConstructorParameters<typeof DefaultLogger>[0],
    private readonly quietMigrations = false,
  ) {
    super(options);
  }

  override log(
    namespace: LoggerNamespace,
    message: string,
    context?: Parameters<DefaultLogger['log']>[2],
  ): void {
    if (namespace === 'query') {
      const counter = currentCounter.getStore();
      if (counter) counter.statements += 1;
      return; // counted, not printed
    }
    if ((namespace as string) === 'migrator' && this.quietMigrations) return;
    super.log(namespace, message, context);
  }
}
