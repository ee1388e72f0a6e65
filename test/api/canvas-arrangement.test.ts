import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_ORGANISATION } from '../support/operations';
import { startTestApi, type TestApi } from '../support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const ARRANGE = /* GraphQL */ `
  mutation ($i: ArrangeCanvasInput!) {
    arrangeCanvas(input: $i) {
      version
      canvasArrangement
    }
  }
`;
const READ = /* GraphQL */ `
  query ($id: ID!) {
    organisation(id: $id) {
      version
      canvasArrangement
    }
  }
`;

async function freshOrganisation() {
  const data = await api.query(CREATE_ORGANISATION, { name: `Arranged ${Math.random()}` });
  const { id, version } = data.createOrganisation as { id: string; version: number };
  return { id, version };
}

const COLUMNS = [['IMPROVE', 'AGREE'], ['RECOVER'], ['CHANGE', 'OPERATE']];

describe('the canvas arrangement of an organisation', () => {
  it('is null until saved, is saved with the version read, and can go back to the default', async () => {
    const organisation = await freshOrganisation();
    expect((await api.query(READ, { id: organisation.id })).organisation.canvasArrangement).toBeNull();

    const saved = await api.query(ARRANGE, { i: { ...organisation, columns: COLUMNS } });
    expect(saved.arrangeCanvas).toEqual({ version: organisation.version + 1, canvasArrangement: COLUMNS });
    expect((await api.query(READ, { id: organisation.id })).organisation.canvasArrangement).toEqual(COLUMNS);

    const reset = await api.query(ARRANGE, { i: { id: organisation.id, version: organisation.version + 1 } });
    expect(reset.arrangeCanvas.canvasArrangement).toBeNull();
  });

  it('refuses an arrangement that loses or repeats a process, and changes nothing', async () => {
    const organisation = await freshOrganisation();
    const response = await api.request(ARRANGE, {
      i: { ...organisation, columns: [['IMPROVE', 'AGREE'], ['RECOVER', 'AGREE'], ['CHANGE']] },
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('AGREE stands in more than one place');
    const after = (await api.query(READ, { id: organisation.id })).organisation;
    expect(after).toEqual({ version: organisation.version, canvasArrangement: null });
  });

  it('refuses a stale version with CONFLICT', async () => {
    const organisation = await freshOrganisation();
    await api.query(ARRANGE, { i: { ...organisation, columns: COLUMNS } });
    const stale = await api.request(ARRANGE, { i: { ...organisation, columns: [COLUMNS.flat()] } });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await api.query(READ, { id: organisation.id })).organisation.canvasArrangement).toEqual(COLUMNS);
  });

  it('answers thousands of invalid process keys with BAD_USER_INPUT only (graphql-js stops at 50)', async () => {
    const organisation = await freshOrganisation();
    const response = await api.request(ARRANGE, {
      i: { ...organisation, columns: Array.from({ length: 5_000 }, () => ['NOT_A_PROCESS']) },
    });
    const codes = new Set(response.errors?.map((error: any) => error.extensions?.code));
    expect([...codes]).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.at(-1)?.extensions?.field).toBe('variables');
  });
});
