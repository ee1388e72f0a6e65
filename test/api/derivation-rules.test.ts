import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, processOf, readModel } from '../support/model-helpers';
import {
  ASSIGN,
  ASSIGN_ROLE_TO_PROCESS,
  DERIVE,
  DERIVE_INSTRUCTIONS,
  READ_PROCEDURE,
  REDERIVE,
  UPDATE_INSTRUCTION,
  type ProcedureView,
} from '../support/procedures';
import { startTestApi, type TestApi } from '../support/test-api';

let api: TestApi;
beforeAll(async () => {
  // Statement counts are compared across requests: without the principal cache, each request reads its
  // session the same way (with it, the first request after a commit reads it and the next does not).
  api = await startTestApi({ principalCacheMs: 0 });
});
afterAll(() => api?.close());

async function setup(name: string) {
  const organisation = await createOrganisation(api, name);
  const model = await readModel(api, organisation.id);
  const role = (roleName: string) => model.roles.find((candidate) => candidate.name === roleName)!.id;
  return { organisation, model, operator: role('Operator'), coordinator: role('Workflow coordinator') };
}

async function derive(input: Record<string, unknown>): Promise<ProcedureView> {
  return (await api.query(DERIVE, { input })).deriveProcedure;
}

async function countProcedures(organisationId: string): Promise<number> {
  const data = await api.query(`query($id: ID!) { organisation(id: $id) { procedures { id } } }`, {
    id: organisationId,
  });
  return data.organisation.procedures.length;
}

describe('deriveProcedure', () => {
  it('derives a process procedure at depth 0 with the process name, deterministically', async () => {
    const { organisation, model } = await setup('Process source');
    const first = await derive({ organisationId: organisation.id, processKey: 'CHANGE' });
    const second = await derive({
      organisationId: organisation.id,
      processKey: 'CHANGE',
      name: 'Change, by the book',
    });
    expect(first.name).toBe('Change');
    expect(second.name).toBe('Change, by the book');
    expect(first.sourceKind).toBe('PROCESS');
    const activityIds = processOf(model, 'CHANGE').activities.map((activity) => activity.id);
    for (const procedure of [first, second]) {
      expect(procedure.steps.map((step) => step.activity.id)).toEqual(activityIds);
      expect(procedure.steps.every((step) => step.depth === 0)).toBe(true);
    }
    expect(first.id).not.toBe(second.id);
  });

  it('refuses zero or two sources, an unknown workflow number and a bad name, creating nothing', async () => {
    const { organisation } = await setup('Bad sources');
    for (const [input, field] of [
      [{ organisationId: organisation.id }, 'input.workflowNumber'],
      [{ organisationId: organisation.id, workflowNumber: 2, processKey: 'AGREE' }, 'input.processKey'],
      [{ organisationId: organisation.id, workflowNumber: 9 }, 'input.workflowNumber'],
      [{ organisationId: organisation.id, workflowNumber: 1, name: ' ' }, 'input.name'],
      [{ organisationId: 'nope', workflowNumber: 1 }, 'input.organisationId'],
    ] as const) {
      const response = await api.request(DERIVE, { input });
      expect(response.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
    expect(await countProcedures(organisation.id)).toBe(0);
  });

  it('issues the same number of SQL statements for a 6-step and a 30-step procedure', async () => {
    const { organisation } = await setup('Statements');
    const small = await api.request(DERIVE, {
      input: { organisationId: organisation.id, workflowNumber: 5 },
    });
    const large = await api.request(DERIVE, {
      input: { organisationId: organisation.id, workflowNumber: 6 },
    });
    expect(small.data.deriveProcedure.steps).toHaveLength(6);
    expect(large.data.deriveProcedure.steps).toHaveLength(30);
    expect(large.statements).toBe(small.statements);

    const upToDateSmall = await api.request(REDERIVE, { id: small.data.deriveProcedure.id });
    const upToDateLarge = await api.request(REDERIVE, { id: large.data.deriveProcedure.id });
    expect(upToDateLarge.statements).toBe(upToDateSmall.statements);

    // Removing Operate's first activity shifts every later step of both procedures.
    const operate = processOf(await readModel(api, organisation.id), 'OPERATE');
    const first = operate.activities[0]!;
    await api.query(`mutation($i: DeleteInput!) { deleteActivity(input: $i) }`, {
      i: { id: first.id, version: first.version },
    });
    const rederiveSmall = await api.request(REDERIVE, { id: small.data.deriveProcedure.id });
    const rederiveLarge = await api.request(REDERIVE, { id: large.data.deriveProcedure.id });
    expect(
      rederiveSmall.data.rederiveProcedure.steps.filter((s: { obsolete: boolean }) => s.obsolete),
    ).toHaveLength(1);
    expect(
      rederiveLarge.data.rederiveProcedure.steps.filter((s: { obsolete: boolean }) => s.obsolete),
    ).toHaveLength(1);
    expect(rederiveLarge.statements).toBe(rederiveSmall.statements);
  });
});

describe('assignResponsibility', () => {
  it('replaces letters, removes the role with [], bumps the step version and answers CONFLICT when stale', async () => {
    const { organisation, operator } = await setup('Letters');
    const procedure = await derive({ organisationId: organisation.id, processKey: 'OPERATE' });
    const step = procedure.steps[2]!;
    const assigned = (
      await api.query(ASSIGN, {
        input: { stepId: step.id, roleId: operator, raci: ['C', 'R'], version: step.version },
      })
    ).assignResponsibility;
    expect(assigned.responsibilities).toEqual([
      { role: { id: operator, name: 'Operator' }, raci: ['R', 'C'] },
    ]);
    expect(assigned.version).toBe(step.version + 1);

    const stale = await api.request(ASSIGN, {
      input: { stepId: step.id, roleId: operator, raci: ['I'], version: step.version },
    });
    expect(stale.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', currentVersion: step.version + 1 });

    const removed = (await api.query(ASSIGN, { input: { stepId: step.id, roleId: operator, raci: [] } }))
      .assignResponsibility;
    expect(removed.responsibilities).toEqual([]);
  });

  it('answers NOT_FOUND for a role of another organisation and changes nothing', async () => {
    const mine = await setup('Mine');
    const theirs = await setup('Theirs');
    const procedure = await derive({ organisationId: mine.organisation.id, processKey: 'AGREE' });
    const response = await api.request(ASSIGN, {
      input: { stepId: procedure.steps[0]!.id, roleId: theirs.operator, raci: ['R'] },
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const after: ProcedureView = (await api.query(READ_PROCEDURE, { id: procedure.id })).node;
    expect(after.steps[0]!.responsibilities).toEqual([]);
    expect(after.steps[0]!.version).toBe(procedure.steps[0]!.version);
  });

  it('refuses a bulk assignment that would make a second Accountable anywhere, assigning nothing', async () => {
    const { organisation, operator, coordinator } = await setup('Bulk');
    const procedure = await derive({ organisationId: organisation.id, workflowNumber: 4 });
    const operateStep = procedure.steps.find((step) => step.process.key === 'OPERATE')!;
    await api.query(ASSIGN, { input: { stepId: operateStep.id, roleId: coordinator, raci: ['A'] } });
    const response = await api.request(ASSIGN_ROLE_TO_PROCESS, {
      input: { procedureId: procedure.id, roleId: operator, processKey: 'OPERATE', raci: ['A', 'R'] },
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('Accept service request');
    const after: ProcedureView = (await api.query(READ_PROCEDURE, { id: procedure.id })).node;
    const operatorHolds = after.steps.filter((step) =>
      step.responsibilities.some((r) => r.role.id === operator),
    );
    expect(operatorHolds).toEqual([]);
  });
});

describe('work instructions', () => {
  it('marks an instruction obsolete when its role stops being Responsible, and keeps it', async () => {
    const { organisation, operator } = await setup('Obsolete instruction');
    const procedure = await derive({ organisationId: organisation.id, processKey: 'OPERATE' });
    const step = procedure.steps[3]!;
    await api.query(ASSIGN, { input: { stepId: step.id, roleId: operator, raci: ['R'] } });
    const derived: ProcedureView = (
      await api.query(DERIVE_INSTRUCTIONS, { input: { procedureId: procedure.id } })
    ).deriveWorkInstructions;
    expect(derived.workInstructions).toHaveLength(1);
    expect(derived.workInstructions[0]!.obsolete).toBe(false);
    await api.query(ASSIGN, { input: { stepId: step.id, roleId: operator, raci: ['C'] } });
    const after: ProcedureView = (await api.query(READ_PROCEDURE, { id: procedure.id })).node;
    expect(after.workInstructions.map((wi) => [wi.id, wi.obsolete])).toEqual([
      [derived.workInstructions[0]!.id, true],
    ]);
  });

  it('uses a tool for every step of a process in one mutation, and validates edits', async () => {
    const { organisation, operator } = await setup('Tools');
    const procedure = await derive({ organisationId: organisation.id, workflowNumber: 2 });
    await api.query(ASSIGN_ROLE_TO_PROCESS, {
      input: { procedureId: procedure.id, roleId: operator, processKey: 'OPERATE', raci: ['R'] },
    });
    const tool = (
      await api.query(
        `mutation($o: ID!) { createTool(input: { organisationId: $o, name: "Scheduler" }) { id } }`,
        {
          o: organisation.id,
        },
      )
    ).createTool;
    await api.query(`mutation($i: AssignToolToProcessInput!) { assignToolToProcess(input: $i) { id } }`, {
      i: { procedureId: procedure.id, toolId: tool.id, processKey: 'OPERATE' },
    });
    const after: ProcedureView = (await api.query(READ_PROCEDURE, { id: procedure.id })).node;
    expect(after.workInstructions).toHaveLength(6);
    expect(after.workInstructions.every((wi) => wi.tools.map((t) => t.name).join() === 'Scheduler')).toBe(
      true,
    );

    const instruction = after.workInstructions[0]!;
    const tooLong = await api.request(UPDATE_INSTRUCTION, {
      input: { id: instruction.id, version: instruction.version, text: 'x'.repeat(20_001) },
    });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.text' });
    const stale = await api.request(UPDATE_INSTRUCTION, {
      input: { id: instruction.id, version: instruction.version - 1, text: 'Old' },
    });
    expect(stale.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', currentVersion: instruction.version });
    const cleared = (
      await api.query(UPDATE_INSTRUCTION, {
        input: { id: instruction.id, version: instruction.version, toolIds: [] },
      })
    ).updateWorkInstruction;
    expect(cleared.tools).toEqual([]);
  });
});

describe('deleting what procedures use', () => {
  it('refuses to delete a role or tool in use, naming the procedure, and deletes it once unused', async () => {
    const { organisation, operator } = await setup('In use');
    const procedure = await derive({
      organisationId: organisation.id,
      processKey: 'RECOVER',
      name: 'Incident handling',
    });
    await api.query(ASSIGN, { input: { stepId: procedure.steps[0]!.id, roleId: operator, raci: ['R'] } });
    const version = 1; // a role's version until it is edited
    const refused = await api.request(`mutation($i: DeleteInput!) { deleteRole(input: $i) }`, {
      i: { id: operator, version },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
    expect(refused.errors?.[0]?.message).toContain('Incident handling');

    await api.query(ASSIGN, { input: { stepId: procedure.steps[0]!.id, roleId: operator, raci: [] } });
    expect(
      (
        await api.query(`mutation($i: DeleteInput!) { deleteRole(input: $i) }`, {
          i: { id: operator, version },
        })
      ).deleteRole,
    ).toBe(true);
  });
});

describe('impact', () => {
  it('lists the procedures, steps and instructions that depend on an activity, a role and a tool', async () => {
    const { organisation, model, operator } = await setup('Impact');
    const deploy = processOf(model, 'CHANGE').activities.find((activity) => activity.name === 'Deploy')!;
    const viaWorkflow = await derive({ organisationId: organisation.id, workflowNumber: 1 });
    const viaProcess = await derive({ organisationId: organisation.id, processKey: 'CHANGE' });
    await derive({ organisationId: organisation.id, processKey: 'AGREE' });

    const activityImpact = (
      await api.query(
        `query($id: ID!) { impact(id: $id) { procedures { id } steps { id } workInstructions { id } } }`,
        {
          id: deploy.id,
        },
      )
    ).impact;
    expect(activityImpact.procedures.map((p: { id: string }) => p.id).sort()).toEqual(
      [viaWorkflow.id, viaProcess.id].sort(),
    );
    expect(activityImpact.steps).toHaveLength(2);

    const step = viaProcess.steps[5]!;
    await api.query(ASSIGN, { input: { stepId: step.id, roleId: operator, raci: ['R'] } });
    await api.query(DERIVE_INSTRUCTIONS, { input: { procedureId: viaProcess.id } });
    const roleImpact = (
      await api.query(
        `query($id: ID!) { impact(id: $id) { procedures { id } steps { id } workInstructions { id } } }`,
        {
          id: operator,
        },
      )
    ).impact;
    expect(roleImpact.procedures).toEqual([{ id: viaProcess.id }]);
    expect(roleImpact.steps).toEqual([{ id: step.id }]);
    expect(roleImpact.workInstructions).toHaveLength(1);

    const wrongKind = await api.request(`query($id: ID!) { impact(id: $id) { steps { id } } }`, {
      id: organisation.id,
    });
    expect(wrongKind.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('obsolete steps', () => {
  it('can be removed by the user; live steps cannot', async () => {
    const { organisation, model, operator } = await setup('Removal');
    const procedure = await derive({ organisationId: organisation.id, processKey: 'IMPROVE' });
    await api.query(ASSIGN, { input: { stepId: procedure.steps[2]!.id, roleId: operator, raci: ['R'] } });
    const live = await api.request(`mutation($i: DeleteInput!) { removeObsoleteStep(input: $i) { id } }`, {
      i: { id: procedure.steps[2]!.id, version: procedure.steps[2]!.version + 1 },
    });
    expect(live.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });

    const cause = processOf(model, 'IMPROVE').activities[2]!;
    await api.query(`mutation($i: DeleteInput!) { deleteActivity(input: $i) }`, {
      i: { id: cause.id, version: cause.version },
    });
    const rederived: ProcedureView = (await api.query(REDERIVE, { id: procedure.id })).rederiveProcedure;
    const obsolete = rederived.steps.find((step) => step.obsolete)!;
    expect(obsolete.responsibilities).toHaveLength(1);
    const removed = (
      await api.query(
        `mutation($i: DeleteInput!) { removeObsoleteStep(input: $i) { steps { position obsolete } } }`,
        {
          i: { id: obsolete.id, version: obsolete.version },
        },
      )
    ).removeObsoleteStep;
    expect(removed.steps).toEqual(
      Array.from({ length: 6 }, (_, i) => ({ position: i + 1, obsolete: false })),
    );
  });
});
