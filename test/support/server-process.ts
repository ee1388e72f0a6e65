import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs the product the way README's start command does (`tsx api/src/main.ts`), as a child process, and
 * resolves once it prints its GraphQL URL. Used by the embedded-database smoke test.
 */
const apiFolder = fileURLToPath(new URL('../../api', import.meta.url));

export interface ServerProcess {
  graphqlUrl: string;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startServerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const {
    DATABASE_URL: _ignored,
    USM_ADMIN_EMAIL: _email,
    USM_ADMIN_PASSWORD: _password,
    ...inherited
  } = process.env;
  const child: ChildProcessWithoutNullStreams = spawn('pnpm', ['exec', 'tsx', 'src/main.ts'], {
    cwd: apiFolder,
    env: { ...inherited, PORT: '0', ...env },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not start within ${timeoutMs} ms. Output:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL API\s+(http:\/\/\S+\/graphql)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          graphqlUrl: match[1]!,
          output: () => output,
          stop: (signal = 'SIGTERM') =>
            new Promise((done) => {
              if (child.exitCode !== null) return done(child.exitCode);
              child.once('exit', (code) => done(code));
              child.kill(signal);
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (code ${code}) before it was ready. Output:\n${output}`));
    });
  });
}

export async function graphql(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}
