import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGlobalId } from '@usm/api/src/graphql/global-id';
import { countSqlStatements } from '@usm/api/src/persistence/sql-statement-counter';
import { readOrganisationSnapshot } from '@usm/api/src/services/interchange/read-snapshot';
import { bpmnXml } from '@usm/api/src/domain/interchange/bpmn';
import { handbookHtml } from '@usm/api/src/domain/interchange/handbook-html';
import { procedureWif } from '@usm/api/src/domain/interchange/wif';
import { growOrganisation } from '../support/factories';
import { createOrganisation, processOf, readModel } from '../support/model-helpers';
import {
  ASSIGN_ROLE_TO_PROCESS,
  DERIVE,
  DERIVE_INSTRUCTIONS,
  REDERIVE,
  UPDATE_INSTRUCTION,
} from '../support/procedures';
import { startTestApi, type TestApi } from '../support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const stored = (globalId: string) => parseGlobalId(globalId)!.storedId;

/** An organisation with workflow 3 derived, Recover assigned, instructions with a tool, and one text. */
async function organisationWithProcedure(name: string, grow = 1) {
  const organisation = await createOrganisation(api, name);
  if (grow > 1) await growOrganisation(api, organisation.id, grow);
  const model = await readModel(api, organisation.id);
  const role = (roleName: string) => model.roles.find((candidate) => candidate.name === roleName)!.id;
  const procedure = (
    await api.query(DERIVE, { input: { organisationId: organisation.id, workflowNumber: 3 } })
  ).deriveProcedure;
  await api.query(ASSIGN_ROLE_TO_PROCESS, {
    input: {
      procedureId: procedure.id,
      roleId: role('Workflow coordinator'),
      processKey: 'RECOVER',
      raci: ['A'],
    },
  });
  await api.query(ASSIGN_ROLE_TO_PROCESS, {
    input: { procedureId: procedure.id, roleId: role('Operator'), processKey: 'RECOVER', raci: ['R', 'I'] },
  });
  const tool = (
    await api.query(
      `mutation($o: ID!) { createTool(input: { organisationId: $o, name: "Desk <suite> & co" }) { id } }`,
      {
        o: organisation.id,
      },
    )
  ).createTool;
  const withInstructions = (
    await api.query(DERIVE_INSTRUCTIONS, { input: { procedureId: procedure.id, toolId: tool.id } })
  ).deriveWorkInstructions;
  const first = withInstructions.workInstructions[0];
  await api.query(UPDATE_INSTRUCTION, {
    input: { id: first.id, version: first.version, text: '1. Open the *incident*.\n2. <script>x</script>' },
  });
  await api.query(
    `mutation($o: ID!) { deriveProcedure(input: { organisationId: $o, processKey: OPERATE }) { id } }`,
    {
      o: organisation.id,
    },
  );
  return { organisation, model, procedure, tool };
}

async function read(organisationGlobalId: string) {
  const em = api.database.orm.em.fork();
  return countSqlStatements(() => readOrganisationSnapshot(em, stored(organisationGlobalId)));
}

describe('reading an organisation snapshot', () => {
  it('reads the whole model as the API shows it, deterministically', async () => {
    const { organisation, model, procedure, tool } = await organisationWithProcedure('Snapshot Co');
    const { result: snapshot } = await read(organisation.id);
    const again = (await read(organisation.id)).result;
    expect(again).toEqual(snapshot);

    expect(snapshot.id).toBe(stored(organisation.id));
    expect(snapshot.processes.map((process) => process.key)).toEqual([
      'AGREE',
      'CHANGE',
      'RECOVER',
      'OPERATE',
      'IMPROVE',
    ]);
    for (const process of model.processes) {
      const read = snapshot.processes.find((candidate) => candidate.key === process.key)!;
      expect(read.activities.map((activity) => [activity.id, activity.position, activity.name])).toEqual(
        process.activities.map((activity) => [stored(activity.id), activity.position, activity.name]),
      );
      for (const activity of process.activities) {
        const readActivity = read.activities.find((candidate) => candidate.id === stored(activity.id))!;
        expect(readActivity.handovers.map((h) => `${h.kind}:${h.callType}:${h.target}`).sort()).toEqual(
          activity.handovers.map((h) => `${h.kind}:${h.callType}:${h.target.key}`).sort(),
        );
      }
    }
    // Workflows expanded exactly as Workflow.steps answers.
    expect(snapshot.workflows.map((workflow) => workflow.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const workflow of model.workflows) {
      const read = snapshot.workflows.find((candidate) => candidate.number === workflow.number)!;
      expect(read.steps).toEqual(
        workflow.steps.map((step) => ({
          position: step.position,
          depth: step.depth,
          process: step.process.key,
          activityId: stored(step.activity.id),
        })),
      );
    }
    expect(snapshot.workflows.find((w) => w.number === 3)!.forkChoices).toEqual([
      { process: 'RECOVER', target: 'CHANGE' },
    ]);
    expect(snapshot.roles.map((role) => role.name)).toEqual(
      [...snapshot.roles.map((role) => role.name)].sort(),
    );
    expect(snapshot.tools.map((entry) => entry.id)).toContain(stored(tool.id));

    // Procedures by name, steps by position, letters in RACI order, instructions with their tool.
    expect(snapshot.procedures.map((p) => p.name)).toEqual(
      [...snapshot.procedures.map((p) => p.name)].sort(),
    );
    const w3 = snapshot.procedures.find((p) => p.id === stored(procedure.id))!;
    expect(w3.source).toEqual({ kind: 'WORKFLOW', workflowNumber: 3 });
    expect(w3.steps.map((step) => step.position)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    const coordinator = snapshot.roles.find((role) => role.name === 'Workflow coordinator')!.id;
    const operator = snapshot.roles.find((role) => role.name === 'Operator')!.id;
    expect(w3.steps[0]!.responsibilities).toEqual(
      [
        { roleId: operator, letters: 'RI' },
        { roleId: coordinator, letters: 'A' },
      ].sort(
        (a, b) =>
          snapshot.roles.findIndex((r) => r.id === a.roleId) -
          snapshot.roles.findIndex((r) => r.id === b.roleId),
      ),
    );
    expect(w3.workInstructions).toHaveLength(7);
    expect(w3.workInstructions[0]).toMatchObject({
      roleId: operator,
      toolIds: [stored(tool.id)],
      obsolete: false,
    });
    expect(w3.workInstructions[0]!.text).toContain('<script>');
    const stepPosition = new Map(w3.steps.map((step) => [step.id, step.position]));
    const positions = w3.workInstructions.map((wi) => stepPosition.get(wi.stepId)!);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(snapshot.procedures.find((p) => p.source.kind === 'PROCESS')!.source).toEqual({
      kind: 'PROCESS',
      process: 'OPERATE',
    });

    // Every writer accepts what was read.
    expect(handbookHtml(snapshot, { kind: 'ORGANISATION' })).toContain('Desk &lt;suite&gt; &amp; co');
    expect(bpmnXml(snapshot, { kind: 'PROCEDURE', procedureId: w3.id })).toContain('name="Operator"');
    expect(procedureWif(snapshot, w3.id).steps).toHaveLength(5);
  });

  it('flags obsolete steps and deleted activities', async () => {
    const { organisation, model, procedure } = await organisationWithProcedure('Obsolete Co');
    const prepare = processOf(model, 'RECOVER').activities.find(
      (activity) => activity.name === 'Prepare recovery',
    )!;
    await api.query(`mutation($i: DeleteInput!) { deleteActivity(input: $i) }`, {
      i: { id: prepare.id, version: prepare.version },
    });
    await api.query(REDERIVE, { id: procedure.id });
    const { result: snapshot } = await read(organisation.id);
    expect(snapshot.processes[2]!.activities.map((activity) => activity.id)).not.toContain(
      stored(prepare.id),
    );
    const w3 = snapshot.procedures.find((p) => p.id === stored(procedure.id))!;
    const obsolete = w3.steps.filter((step) => step.obsolete);
    expect(obsolete).toMatchObject([
      { activityId: stored(prepare.id), name: 'Prepare recovery', activityDeleted: true },
    ]);
    expect(w3.steps.filter((step) => step.activityDeleted)).toHaveLength(1);
    expect(snapshot.workflows.find((w) => w.number === 3)!.steps).toHaveLength(21);
  });

  it('takes the same, small number of SQL statements for a model ten times larger', async () => {
    const small = await organisationWithProcedure('Small snapshot');
    const large = await organisationWithProcedure('Large snapshot', 10);
    const smallRead = await read(small.organisation.id);
    const largeRead = await read(large.organisation.id);
    expect(largeRead.result.processes.flatMap((p) => p.activities)).toHaveLength(370);
    expect(largeRead.result.roles.length).toBeGreaterThan(smallRead.result.roles.length);
    expect(largeRead.statements).toBe(smallRead.statements);
    expect(smallRead.statements).toBeLessThanOrEqual(14);
  });

  it('answers NOT_FOUND for an unknown organisation', async () => {
    await expect(
      readOrganisationSnapshot(api.database.orm.em.fork(), '00000000-0000-4000-8000-000000000000'),
    ).rejects.toThrow(/No Organisation/);
  });
});
