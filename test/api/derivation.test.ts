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
  api = await startTestApi();
});
afterAll(() => api?.close());

const roleId = (model: Awaited<ReturnType<typeof readModel>>, name: string) =>
  model.roles.find((role) => role.name === name)!.id;

async function readProcedure(id: string): Promise<ProcedureView> {
  return (await api.query(READ_PROCEDURE, { id })).node;
}

describe('the derivation walk-through of the issue', () => {
  it('derives workflow 3, assigns WHO and HOW, follows source edits and re-derives without losing input', async () => {
    const organisation = await createOrganisation(api, 'Derivation Co');
    const model = await readModel(api, organisation.id);
    const recover = processOf(model, 'RECOVER');
    const coordinator = roleId(model, 'Workflow coordinator');
    const operator = roleId(model, 'Operator');

    // WHAT: workflow 3 gives 22 unassigned steps in the documented order.
    const derived: ProcedureView = (
      await api.query(DERIVE, { input: { organisationId: organisation.id, workflowNumber: 3 } })
    ).deriveProcedure;
    expect(derived.name).toBe(model.workflows.find((workflow) => workflow.number === 3)!.name);
    expect(derived.sourceKind).toBe('WORKFLOW');
    expect(derived.outOfDate).toBe(false);
    expect(derived.steps.map((step) => step.position)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(derived.steps.map((step) => `${step.process.key}@${step.depth}`)).toEqual([
      ...Array(5).fill('RECOVER@0'),
      ...Array(6).fill('CHANGE@1'),
      ...Array(6).fill('OPERATE@2'),
      ...Array(3).fill('CHANGE@1'),
      ...Array(2).fill('RECOVER@0'),
    ]);
    const workflow3 = model.workflows.find((workflow) => workflow.number === 3)!;
    expect(derived.steps.map((step) => step.activity.id)).toEqual(
      workflow3.steps.map((step) => step.activity.id),
    );
    expect(derived.steps.every((step) => step.responsibilities.length === 0)).toBe(true);

    // WHO: the coordinator is accountable and the operator responsible for every Recover step.
    await api.query(ASSIGN_ROLE_TO_PROCESS, {
      input: { procedureId: derived.id, roleId: coordinator, processKey: 'RECOVER', raci: ['A'] },
    });
    await api.query(ASSIGN_ROLE_TO_PROCESS, {
      input: { procedureId: derived.id, roleId: operator, processKey: 'RECOVER', raci: ['R', 'I', 'R'] },
    });
    const firstStep = derived.steps[0]!;
    const secondAccountable = await api.request(ASSIGN, {
      input: { stepId: firstStep.id, roleId: operator, raci: ['R', 'A'] },
    });
    expect(secondAccountable.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.raci',
    });
    expect(secondAccountable.errors?.[0]?.message).toContain('Accept incident');

    // HOW: one work instruction per step and Responsible role, with the tool.
    const tool = (
      await api.query(
        `mutation($o: ID!) { createTool(input: { organisationId: $o, name: "Service desk suite" }) { id } }`,
        {
          o: organisation.id,
        },
      )
    ).createTool;
    const withInstructions: ProcedureView = (
      await api.query(DERIVE_INSTRUCTIONS, { input: { procedureId: derived.id, toolId: tool.id } })
    ).deriveWorkInstructions;
    expect(withInstructions.workInstructions).toHaveLength(7);
    expect(
      withInstructions.workInstructions.every((wi) => wi.role.id === operator && wi.tools[0]?.id === tool.id),
    ).toBe(true);
    const again: ProcedureView = (
      await api.query(DERIVE_INSTRUCTIONS, { input: { procedureId: derived.id } })
    ).deriveWorkInstructions;
    expect(again.workInstructions.map((wi) => wi.id)).toEqual(
      withInstructions.workInstructions.map((wi) => wi.id),
    );
    expect(again.version).toBe(withInstructions.version);
    for (const instruction of withInstructions.workInstructions.slice(0, 2)) {
      await api.query(UPDATE_INSTRUCTION, {
        input: {
          id: instruction.id,
          version: instruction.version,
          text: '1. Open the incident.\n2. Check the CMDB.',
        },
      });
    }

    // Edit the source: rename "Analyse", remove "Prepare recovery".
    const analyse = recover.activities.find((activity) => activity.name === 'Analyse')!;
    const prepare = recover.activities.find((activity) => activity.name === 'Prepare recovery')!;
    await api.query(`mutation($i: UpdateActivityInput!) { updateActivity(input: $i) { id } }`, {
      i: { id: analyse.id, version: analyse.version, name: 'Diagnose' },
    });
    await api.query(`mutation($i: DeleteInput!) { deleteActivity(input: $i) }`, {
      i: { id: prepare.id, version: prepare.version },
    });
    const stale = await readProcedure(derived.id);
    expect(stale.outOfDate).toBe(true);
    expect(stale.outOfDateReasons.join(' ')).toContain('Diagnose');
    expect(stale.outOfDateReasons.join(' ')).toContain('Prepare recovery');

    // Re-derive: everything entered is still there; the removed activity's step is obsolete.
    const rederived: ProcedureView = (await api.query(REDERIVE, { id: derived.id })).rederiveProcedure;
    expect(rederived.outOfDate).toBe(false);
    expect(rederived.version).toBeGreaterThan(stale.version);
    expect(rederived.steps.map((step) => step.id).sort()).toEqual(
      derived.steps.map((step) => step.id).sort(),
    );
    const obsolete = rederived.steps.filter((step) => step.obsolete);
    expect(obsolete).toHaveLength(1);
    expect(obsolete[0]!.activity).toMatchObject({ id: prepare.id, name: 'Prepare recovery', deleted: true });
    const diagnose = rederived.steps.find((step) => step.activity.id === analyse.id)!;
    expect(diagnose.activity.name).toBe('Diagnose');
    expect(obsolete[0]!.position).toBe(diagnose.position + 1);
    for (const step of rederived.steps.filter((s) => s.process.key === 'RECOVER')) {
      expect(step.responsibilities.map((r) => [r.role.name, r.raci])).toEqual([
        ['Workflow coordinator', ['A']],
        ['Operator', ['R', 'I']],
      ]);
    }
    expect(rederived.workInstructions.map((wi) => wi.id).sort()).toEqual(
      withInstructions.workInstructions.map((wi) => wi.id).sort(),
    );
    expect(rederived.workInstructions.filter((wi) => wi.obsolete).map((wi) => wi.step.id)).toEqual([
      obsolete[0]!.id,
    ]);

    // Re-deriving an up-to-date procedure changes nothing, not even the version.
    const unchanged: ProcedureView = (await api.query(REDERIVE, { id: derived.id })).rederiveProcedure;
    expect(unchanged.version).toBe(rederived.version);
    expect(unchanged.steps).toEqual(rederived.steps);

    // Completeness over the 21 live steps: WHO passes on the 6 live Recover steps, HOW on the 2 with a text.
    expect(unchanged.completeness).toMatchObject({
      liveSteps: 21,
      whoGaps: 15,
      howGaps: 19,
      percentComplete: 19,
    });
    const organisationFigures = await api.query(
      `query($id: ID!) { organisation(id: $id) { procedures { id name outOfDate } completeness { whoGaps howGaps percentComplete } } }`,
      { id: organisation.id },
    );
    expect(organisationFigures.organisation.procedures).toEqual([
      { id: derived.id, name: derived.name, outOfDate: false },
    ]);
    expect(organisationFigures.organisation.completeness).toEqual({
      whoGaps: 15,
      howGaps: 19,
      percentComplete: 19,
    });

    // The RACI matrix and the role's view agree with what was entered.
    const matrix = (
      await api.query(
        `query($id: ID!) { node(id: $id) { ... on Procedure { raciMatrix { roles { name } rows { step { id } cells { role { name } raci } } } } } }`,
        { id: derived.id },
      )
    ).node.raciMatrix;
    expect(matrix.roles.map((role: { name: string }) => role.name)).toEqual([
      'Operator',
      'Workflow coordinator',
    ]);
    expect(matrix.rows).toHaveLength(22);
    expect(matrix.rows[0].cells).toEqual([
      { role: { name: 'Operator' }, raci: ['R', 'I'] },
      { role: { name: 'Workflow coordinator' }, raci: ['A'] },
    ]);
    expect(matrix.rows[5].cells.every((cell: { raci: string[] }) => cell.raci.length === 0)).toBe(true);
    const operatorView = await api.query(
      `query($id: ID!) { node(id: $id) { ... on Role { assignments { procedure { id } step { id } raci } } } }`,
      { id: operator },
    );
    expect(operatorView.node.assignments).toHaveLength(7);
  });
});
