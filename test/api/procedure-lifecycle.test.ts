import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, readModel } from '../support/model-helpers';
import {
  ASSIGN,
  DERIVE,
  DERIVE_INSTRUCTIONS,
  READ_PROCEDURE,
  type ProcedureView,
} from '../support/procedures';
import { startTestApi, type TestApi } from '../support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const UPDATE = `mutation($i: UpdateProcedureInput!) { updateProcedure(input: $i) { id name version } }`;
const DELETE = `mutation($i: DeleteInput!) { deleteProcedure(input: $i) }`;
const DELETE_INSTRUCTION = `mutation($i: DeleteInput!) { deleteWorkInstruction(input: $i) }`;

async function procedureWithInstruction(name: string) {
  const organisation = await createOrganisation(api, name);
  const model = await readModel(api, organisation.id);
  const operator = model.roles.find((role) => role.name === 'Operator')!.id;
  const procedure: ProcedureView = (
    await api.query(DERIVE, { input: { organisationId: organisation.id, processKey: 'AGREE' } })
  ).deriveProcedure;
  await api.query(ASSIGN, { input: { stepId: procedure.steps[0]!.id, roleId: operator, raci: ['R'] } });
  const withInstruction: ProcedureView = (
    await api.query(DERIVE_INSTRUCTIONS, { input: { procedureId: procedure.id } })
  ).deriveWorkInstructions;
  return { organisation, operator, procedure: withInstruction };
}

describe('procedure lifecycle', () => {
  it('renames with the current version and answers CONFLICT for a stale one', async () => {
    const { procedure } = await procedureWithInstruction('Rename');
    const renamed = (
      await api.query(UPDATE, { i: { id: procedure.id, version: procedure.version, name: 'Agree, our way' } })
    ).updateProcedure;
    expect(renamed).toMatchObject({ name: 'Agree, our way', version: procedure.version + 1 });
    const stale = await api.request(UPDATE, {
      i: { id: procedure.id, version: procedure.version, name: 'Lost' },
    });
    expect(stale.errors?.[0]?.extensions).toEqual({
      code: 'CONFLICT',
      currentVersion: procedure.version + 1,
    });
    const blank = await api.request(UPDATE, {
      i: { id: procedure.id, version: procedure.version + 1, name: '' },
    });
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
  });

  it('deletes a work instruction, then the procedure with everything under it', async () => {
    const { organisation, operator, procedure } = await procedureWithInstruction('Delete');
    const instruction = procedure.workInstructions[0]!;
    const stale = await api.request(DELETE_INSTRUCTION, {
      i: { id: instruction.id, version: instruction.version + 1 },
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(
      (await api.query(DELETE_INSTRUCTION, { i: { id: instruction.id, version: instruction.version } }))
        .deleteWorkInstruction,
    ).toBe(true);
    const after: ProcedureView = (await api.query(READ_PROCEDURE, { id: procedure.id })).node;
    expect(after.workInstructions).toEqual([]);

    expect(
      (await api.query(DELETE, { i: { id: procedure.id, version: after.version } })).deleteProcedure,
    ).toBe(true);
    expect((await api.query(READ_PROCEDURE, { id: procedure.id })).node).toBeNull();
    expect(
      (await api.query(`query($id: ID!) { node(id: $id) { id } }`, { id: procedure.steps[0]!.id })).node,
    ).toBeNull();
    // Nothing uses the role any more, so it can be deleted.
    expect(
      (
        await api.query(`mutation($i: DeleteInput!) { deleteRole(input: $i) }`, {
          i: { id: operator, version: 1 },
        })
      ).deleteRole,
    ).toBe(true);
    const listed = await api.query(`query($id: ID!) { organisation(id: $id) { procedures { id } } }`, {
      id: organisation.id,
    });
    expect(listed.organisation.procedures).toEqual([]);
  });

  it("answers NOT_FOUND for another organisation's tool and creates no instruction", async () => {
    const { procedure } = await procedureWithInstruction('Mine');
    const other = await createOrganisation(api, 'Other');
    const foreignTool = (
      await api.query(
        `mutation($o: ID!) { createTool(input: { organisationId: $o, name: "Theirs" }) { id } }`,
        { o: other.id },
      )
    ).createTool;
    await api.query(DELETE_INSTRUCTION, {
      i: { id: procedure.workInstructions[0]!.id, version: procedure.workInstructions[0]!.version },
    });
    const response = await api.request(DERIVE_INSTRUCTIONS, {
      input: { procedureId: procedure.id, toolId: foreignTool.id },
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const after: ProcedureView = (await api.query(READ_PROCEDURE, { id: procedure.id })).node;
    expect(after.workInstructions).toEqual([]);
  });
});

describe('deleting an organisation', () => {
  it('removes everything, including work instructions that use tools (regression: hostile-input found it)', async () => {
    const { organisation, procedure } = await procedureWithInstruction('Whole delete');
    const tool = (
      await api.query(`mutation($o: ID!) { createTool(input: { organisationId: $o, name: "Kit" }) { id } }`, {
        o: organisation.id,
      })
    ).createTool;
    const instruction = procedure.workInstructions[0]!;
    await api.query(`mutation($i: UpdateWorkInstructionInput!) { updateWorkInstruction(input: $i) { id } }`, {
      i: { id: instruction.id, version: instruction.version, toolIds: [tool.id] },
    });
    const version = (
      await api.query(`query($id: ID!) { organisation(id: $id) { version } }`, { id: organisation.id })
    ).organisation.version;
    const deleted = await api.request(`mutation($i: DeleteInput!) { deleteOrganisation(input: $i) }`, {
      i: { id: organisation.id, version },
    });
    expect(deleted.errors).toBeUndefined();
    expect(
      (await api.query(`query($id: ID!) { node(id: $id) { id } }`, { id: instruction.id })).node,
    ).toBeNull();
  });
});
