import { describe, expect, it } from 'vitest';

// The core is plain TypeScript: it must run without React, React Flow, the GraphQL client or a browser.
// (The root ESLint config has no rule for the studio yet; this test keeps the boundary meanwhile.)
const sources = import.meta.glob<string>(['./**/*.ts', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const FORBIDDEN = [/^react/, /^@xyflow\//, /^urql$/, /^@urql\//, /^zustand\/react/];

/** A relative import must stay inside src/core (or reach the generated types in src/gql). */
function leavesCore(file: string, specifier: string): boolean {
  if (!specifier.startsWith('.')) return false;
  const target = new URL(specifier, `file:///src/core/${file.slice(2)}`).pathname;
  return !target.startsWith('/src/core/') && !target.startsWith('/src/gql/');
}

describe('the studio core', () => {
  it('imports nothing from React, the canvas, the GraphQL client or the layers above it', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(10);
    const offences = Object.entries(sources).flatMap(([file, text]) =>
      [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)]
        .map((match) => match[1]!)
        .filter(
          (specifier) => FORBIDDEN.some((pattern) => pattern.test(specifier)) || leavesCore(file, specifier),
        )
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(offences).toEqual([]);
  });
});
