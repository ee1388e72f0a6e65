import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AUTHORISATION_CASES,
  AuthorisationWorld,
  expectedOutcomes,
  fieldOf,
  type AuthorisationCase,
  type Outcome,
  type Persona,
} from '../support/authorisation-cases';
import { startTestApi, type GraphQLResponse, type TestApi, type TestUser } from '../support/test-api';

/**
 * Every root field, called as every persona, answers what its access rule says (issue 4). A field added to
 * the schema without a case here fails the first test: decide its access rule and its expected outcomes.
 */
let api: TestApi;
let world: AuthorisationWorld;
beforeAll(async () => {
  api = await startTestApi();
  world = await AuthorisationWorld.build(api);
});
afterAll(() => api?.close());

const ROOT_FIELDS = `{ __schema {
  queryType { fields { name } } mutationType { fields { name } } subscriptionType { fields { name } }
} }`;

interface Observation {
  coordinate: string;
  persona: Persona;
  expected: Outcome;
  actual: string;
  /** The first error's message, when there is one. */
  message?: string;
}

/** What a response says, in the terms of the matrix. */
function outcomeOf(response: GraphQLResponse, field: string): string {
  const error = response.errors?.[0];
  if (error) return String(error.extensions?.code ?? 'NO_CODE');
  const value = response.data?.[field];
  if (value === undefined) return 'NO_DATA';
  if (value === null) return 'NULL';
  if (value === false) return 'FALSE';
  if (Array.isArray(value)) return value.length === 0 ? 'NULL' : 'OK';
  if (Array.isArray(value?.edges)) return value.edges.length === 0 ? 'NULL' : 'OK';
  return 'OK';
}

async function observe(
  testCase: AuthorisationCase,
  persona: Persona,
  expected: Outcome,
): Promise<Observation> {
  const call = (await testCase.prepare?.(world, persona)) ?? {};
  const caller = call.as !== undefined ? call.as : world.userOf(persona);
  const response = testCase.coordinate.startsWith('Subscription.')
    ? await firstEvent(caller, testCase.document, call.variables)
    : await api.requestAs(caller, testCase.document, call.variables);
  const actual = outcomeOf(response, fieldOf(testCase));
  const message = response.errors?.[0]?.message;
  return { coordinate: testCase.coordinate, persona, expected, actual, ...(message ? { message } : {}) };
}

/** A subscription over the WebSocket, as `caller`: its first event (or its error), then unsubscribed. */
async function firstEvent(
  caller: TestUser | null,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse> {
  const client = createClient({
    url: `${api.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: caller ? { authorization: `${caller.scheme ?? 'Bearer'} ${caller.token}` } : {},
  });
  try {
    return await new Promise<GraphQLResponse>((resolve) => {
      const unsubscribe = client.subscribe(
        { query, variables },
        {
          next: (result) => {
            resolve({
              ...(result as Omit<GraphQLResponse, 'statements' | 'status'>),
              statements: 0,
              status: 0,
            });
            unsubscribe();
          },
          error: (error) =>
            resolve({
              errors: Array.isArray(error) ? error : [{ message: String(error) }],
              statements: 0,
              status: 0,
            }),
          complete: () => resolve({ statements: 0, status: 0 }),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

const COLUMNS: readonly Persona[] = [
  'anonymous',
  'outsider',
  'viewer',
  'architect',
  'trainer',
  'owner',
  'administrator',
  'share',
];

/** Fields × personas; a cell shows the outcome, or `✗ expected ≠ actual`. Mismatches are detailed below. */
function matrixReport(observations: Observation[]): string {
  const coordinates = [...new Set(observations.map((observation) => observation.coordinate))];
  const cell = (coordinate: string, persona: Persona) => {
    const found = observations.find((o) => o.coordinate === coordinate && o.persona === persona);
    if (!found) return '';
    return found.actual === found.expected ? found.actual : `✗ ${found.expected} ≠ ${found.actual}`;
  };
  const rows = [
    ['field', ...COLUMNS],
    ...coordinates.map((coordinate) => [coordinate, ...COLUMNS.map((persona) => cell(coordinate, persona))]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) => row.map((text, column) => text.padEnd(widths[column]!)).join(' | '));
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('-|-'));
  const details = observations
    .filter((o) => o.actual !== o.expected)
    .map(
      (o) => `${o.coordinate} as ${o.persona}: expected ${o.expected}, got ${o.actual}. ${o.message ?? ''}`,
    );
  return ['Authorisation matrix (expected ≠ actual marked ✗):', ...lines, '', 'Mismatches:', ...details].join(
    '\n',
  );
}

describe('the authorisation matrix', () => {
  it('has a case, and so a decided outcome per persona, for every root field of the schema', async () => {
    const { data } = await api.requestAs(null, ROOT_FIELDS);
    const schemaFields = [
      ...data.__schema.queryType.fields.map((field: { name: string }) => `Query.${field.name}`),
      ...data.__schema.mutationType.fields.map((field: { name: string }) => `Mutation.${field.name}`),
      ...(data.__schema.subscriptionType?.fields ?? []).map(
        (field: { name: string }) => `Subscription.${field.name}`,
      ),
    ].sort();
    const caseFields = AUTHORISATION_CASES.map((testCase) => testCase.coordinate).sort();

    const withoutCase = schemaFields.filter((field) => !caseFields.includes(field));
    expect(
      withoutCase,
      `Root fields without an authorisation case: ${withoutCase.join(', ')}. Give each an access rule ` +
        '(@Access in its resolver) and add its case to test/support/authorisation-cases.ts.',
    ).toEqual([]);
    const withoutField = caseFields.filter((field) => !schemaFields.includes(field));
    expect(
      withoutField,
      `Cases for fields the schema no longer has: ${withoutField.join(', ')}. Remove them.`,
    ).toEqual([]);
    expect(new Set(caseFields).size, 'One case per field').toBe(caseFields.length);
  });

  it('answers every root field as its access rule says, for every persona', async () => {
    const observations: Observation[] = [];
    // One call at a time, in table order: each builds its own objects and some change shared state.
    for (const testCase of AUTHORISATION_CASES) {
      for (const [persona, expected] of expectedOutcomes(testCase)) {
        observations.push(await observe(testCase, persona, expected));
      }
    }
    const mismatches = observations.filter((observation) => observation.actual !== observation.expected);
    expect(mismatches, matrixReport(observations)).toEqual([]);
  });
});

describe('nested reads', () => {
  const NODE = `query($id: ID!) { node(id: $id) { id } }`;
  const IMPACT = `query($id: ID!) { impact(id: $id) { procedures { id } } }`;

  function organisationObjects(): [string, string][] {
    const { ids } = world;
    return [
      ['organisation', ids.organisation],
      ['process', ids.processes.CHANGE],
      ['workflow', ids.workflow],
      ['activity', ids.activity],
      ['handover', ids.handover],
      ['procedure', ids.procedure],
      ['step', ids.step],
      ['work instruction', ids.workInstruction],
      ['role', ids.role],
      ['tool', ids.tool],
      ['membership', ids.viewerMembership],
    ];
  }

  it('are visible to a member, so the ids below are real', async () => {
    for (const [kind, id] of organisationObjects()) {
      const response = await api.requestAs(world.users.viewer, NODE, { id });
      expect(response.data?.node, kind).toEqual({ id });
    }
  });

  it.each(['outsider', 'administrator'] as const)(
    'do not reveal an organisation’s objects to a non-member (%s): node is null, impact NOT_FOUND',
    async (persona) => {
      const user = world.userOf(persona);
      for (const [kind, id] of organisationObjects()) {
        const response = await api.requestAs(user, NODE, { id });
        expect({ kind, errors: response.errors, node: response.data?.node }).toEqual({
          kind,
          errors: undefined,
          node: null,
        });
      }
      for (const [kind, id] of [
        ['activity', world.ids.activity],
        ['role', world.ids.role],
        ['tool', world.ids.tool],
      ]) {
        const response = await api.requestAs(user, IMPACT, { id });
        expect({ kind, code: response.errors?.[0]?.extensions?.code, data: response.data }).toEqual({
          kind,
          code: 'NOT_FOUND',
          data: null,
        });
      }
    },
  );

  it('are visible through a share link of the organisation, except its members (issue 6)', async () => {
    for (const [kind, id] of organisationObjects()) {
      const response = await api.requestAs(world.share, NODE, { id });
      const expected = kind === 'membership' ? null : { id };
      expect({ kind, errors: response.errors, node: response.data?.node }).toEqual({
        kind,
        errors: undefined,
        node: expected,
      });
    }
    const response = await api.requestAs(world.share, NODE, { id: world.users.owner.id });
    expect(response.data?.node).toBeNull();
  });

  it('do not reveal another user to an outsider', async () => {
    const response = await api.requestAs(world.users.outsider, NODE, { id: world.users.owner.id });
    expect(response.data?.node).toBeNull();
  });
});
