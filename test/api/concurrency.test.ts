import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, processOf, readModel } from '../support/model-helpers';
import { startTestApi, type TestApi } from '../support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const UPDATE = `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { id name position version } }`;

describe('concurrent edits never lose data silently', () => {
  it('ten racing renames from the same version: one wins, nine answer CONFLICT', async () => {
    const organisation = await createOrganisation(api, 'Race');
    const target = processOf(await readModel(api, organisation.id), 'AGREE').activities[0]!;
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        api.request(UPDATE, { input: { id: target.id, version: target.version, name: `Edit ${index}` } }),
      ),
    );
    const winners = responses.filter((response) => !response.errors);
    const conflicts = responses.filter((response) => response.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(winners).toHaveLength(1);
    expect(conflicts).toHaveLength(9);
    for (const conflict of conflicts) {
      expect(conflict.errors![0]!.extensions!.currentVersion).toBe(target.version + 1);
    }
    const stored = processOf(await readModel(api, organisation.id), 'AGREE').activities[0]!;
    expect(stored.name).toBe(winners[0]!.data.updateActivity.name);
    expect(stored.version).toBe(target.version + 1);
  });

  it('two racing moves in one process: positions stay contiguous and one of them answers CONFLICT', async () => {
    const organisation = await createOrganisation(api, 'Reorder race');
    const change = processOf(await readModel(api, organisation.id), 'CHANGE');
    const [first, last] = [change.activities[0]!, change.activities[8]!];
    const responses = await Promise.all([
      api.request(UPDATE, { input: { id: first.id, version: first.version, position: 9 } }),
      api.request(UPDATE, { input: { id: last.id, version: last.version, position: 1 } }),
    ]);
    const outcomes = responses.map((response) => response.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
    const after = processOf(await readModel(api, organisation.id), 'CHANGE');
    expect(after.activities.map((activity) => activity.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(new Set(after.activities.map((activity) => activity.id)).size).toBe(9);
  });

  it('racing accountables on one step: never two Accountables, and no request fails with an internal error', async () => {
    const organisation = await createOrganisation(api, 'Accountable race');
    const model = await readModel(api, organisation.id);
    const procedure = (
      await api.query(
        `mutation($o: ID!) { deriveProcedure(input: { organisationId: $o, processKey: AGREE }) { steps { id } } }`,
        {
          o: organisation.id,
        },
      )
    ).deriveProcedure;
    const stepId = procedure.steps[0].id;
    const responses = await Promise.all(
      model.roles.map((role) =>
        api.request(`mutation($i: AssignResponsibilityInput!) { assignResponsibility(input: $i) { id } }`, {
          i: { stepId, roleId: role.id, raci: ['A'] },
        }),
      ),
    );
    const codes = responses.map((response) => response.errors?.[0]?.extensions?.code ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.every((code) => ['OK', 'CONFLICT', 'BAD_USER_INPUT'].includes(code))).toBe(true);
    const step = await api.query(
      `query($id: ID!) { node(id: $id) { ... on ProcedureStep { responsibilities { raci } } } }`,
      { id: stepId },
    );
    expect(step.node.responsibilities).toEqual([{ raci: ['A'] }]);
  });

  it('racing derivations of work instructions create each instruction once', async () => {
    const organisation = await createOrganisation(api, 'Instruction race');
    const model = await readModel(api, organisation.id);
    const operator = model.roles.find((role) => role.name === 'Operator')!.id;
    const procedure = (
      await api.query(
        `mutation($o: ID!) { deriveProcedure(input: { organisationId: $o, processKey: OPERATE }) { id } }`,
        {
          o: organisation.id,
        },
      )
    ).deriveProcedure;
    await api.query(`mutation($i: AssignRoleToProcessInput!) { assignRoleToProcess(input: $i) { id } }`, {
      i: { procedureId: procedure.id, roleId: operator, processKey: 'OPERATE', raci: ['R'] },
    });
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.request(
          `mutation($i: DeriveWorkInstructionsInput!) { deriveWorkInstructions(input: $i) { id } }`,
          {
            i: { procedureId: procedure.id },
          },
        ),
      ),
    );
    const codes = responses.map((response) => response.errors?.[0]?.extensions?.code ?? 'OK');
    expect(codes.every((code) => code === 'OK' || code === 'CONFLICT')).toBe(true);
    expect(codes).toContain('OK');
    const after = await api.query(
      `query($id: ID!) { node(id: $id) { ... on Procedure { workInstructions { step { id } role { id } } } } }`,
      { id: procedure.id },
    );
    expect(after.node.workInstructions).toHaveLength(6);
  });
});
