import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi, type TestUser } from '../support/test-api';

/**
 * Demo organisations (issue 6, item 4): created from USM_DEMO with sample roles, tools, procedures and work
 * instructions, and reset to exactly that content by a trainer.
 */

let api: TestApi;
let owner: TestUser;
let trainer: TestUser;
let viewer: TestUser;
let outsider: TestUser;

beforeAll(async () => {
  api = await startTestApi();
  owner = await api.createUser('owner@demo.example');
  trainer = await api.createUser('trainer@demo.example');
  viewer = await api.createUser('viewer@demo.example');
  outsider = await api.createUser('outsider@demo.example');
});
afterAll(() => api?.close());

const CREATE = `mutation($name: String!, $template: OrganisationTemplate) {
  createOrganisation(input: { name: $name, template: $template }) { id name version demo }
}`;
const RESET = `mutation($i: ResetDemoOrganisationInput!) { resetDemoOrganisation(input: $i) { id name version demo } }`;
const ADD_MEMBER = `mutation($i: AddMemberInput!) { addMember(input: $i) { id } }`;

/** Everything a reset restores, as it reads over the API. */
const DUMP = `query($id: ID!) {
  organisation(id: $id) {
    id name version demo
    members { role user { email } }
    processes {
      key name purpose
      activities { id version name description position handovers { callType kind target { key } } }
    }
    workflows { number name trigger steps { position depth process { key } activity { name } } }
    roles { id version name description }
    tools { id name description }
    procedures {
      id name sourceKind
      steps {
        position depth obsolete
        activity { name }
        process { key }
        responsibilities { role { name } raci }
      }
      workInstructions { obsolete text step { position } role { name } tools { name } }
      completeness { liveSteps whoGaps howGaps percentComplete }
    }
  }
}`;

async function createDemo(name: string): Promise<{ id: string; version: number }> {
  const { createOrganisation } = await api.queryAs(owner, CREATE, { name, template: 'USM_DEMO' });
  expect(createOrganisation).toMatchObject({ name, demo: true });
  await api.queryAs(owner, ADD_MEMBER, {
    i: { organisationId: createOrganisation.id, userId: trainer.id, role: 'TRAINER' },
  });
  await api.queryAs(owner, ADD_MEMBER, {
    i: { organisationId: createOrganisation.id, userId: viewer.id, role: 'VIEWER' },
  });
  return createOrganisation;
}

async function dump(id: string) {
  return (await api.queryAs(owner, DUMP, { id })).organisation;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** The dump without ids, versions and timestamps, lists in a stable order: what a reset must restore. */
function normalised(organisation: any) {
  return {
    name: organisation.name,
    demo: organisation.demo,
    members: organisation.members.map((member: any) => `${member.user.email}:${member.role}`).sort(),
    processes: organisation.processes.map((process: any) => ({
      ...process,
      activities: process.activities.map(({ id: _id, version: _version, ...activity }: any) => activity),
    })),
    workflows: organisation.workflows,
    roles: organisation.roles.map(({ id: _id, version: _version, ...role }: any) => role).sort(byName),
    tools: organisation.tools.map(({ id: _id, ...tool }: any) => tool).sort(byName),
    procedures: organisation.procedures
      .map(({ id: _id, ...procedure }: any) => ({
        ...procedure,
        steps: procedure.steps.map((step: any) => ({
          ...step,
          responsibilities: [...step.responsibilities].sort((a: any, b: any) => byName(a.role, b.role)),
        })),
        workInstructions: [...procedure.workInstructions].sort(
          (a: any, b: any) => a.step.position - b.step.position || byName(a.role, b.role),
        ),
      }))
      .sort(byName),
  };
}

describe('a demo organisation', () => {
  it('has the reference model, sample roles and tools, and six procedures with complete WHO', async () => {
    const { id } = await createDemo('Demo content');
    const organisation = await dump(id);
    expect(organisation.demo).toBe(true);
    expect(organisation.processes).toHaveLength(5);
    expect(organisation.processes.map((process: any) => process.activities.length)).toEqual([8, 9, 7, 6, 7]);
    expect(organisation.workflows).toHaveLength(8);

    const roleNames = organisation.roles.map((role: any) => role.name);
    expect(roleNames).toEqual(
      expect.arrayContaining([
        'Workflow manager',
        'Workflow coordinator',
        'Operator',
        'Team coordinator',
        'Service desk agent',
        'Solution specialist',
        'Account manager',
      ]),
    );
    expect(organisation.tools.map((tool: any) => tool.name).sort()).toEqual([
      'CMDB',
      'Change calendar',
      'Knowledge base',
      'Monitoring tool',
      'Operations calendar',
      'Service desk tool',
    ]);
    const profiles = ['Workflow manager', 'Workflow coordinator', 'Operator', 'Team coordinator'];
    for (const role of organisation.roles) {
      if (!profiles.includes(role.name)) expect(role.description).toMatch(/^Sample role/);
    }
    for (const tool of organisation.tools) expect(tool.description).toMatch(/^Sample tool/);

    const procedures = organisation.procedures;
    expect(procedures.map((procedure: any) => procedure.name).sort()).toEqual([
      'Sample procedure: Agree',
      'Sample procedure: Change',
      'Sample procedure: Improve',
      'Sample procedure: Incident with a change to managed resources',
      'Sample procedure: Operate',
      'Sample procedure: Recover',
    ]);
    const stepCounts = Object.fromEntries(
      procedures.map((procedure: any) => [procedure.name, procedure.steps.length]),
    );
    expect(stepCounts).toMatchObject({
      'Sample procedure: Agree': 8,
      'Sample procedure: Change': 9,
      'Sample procedure: Recover': 7,
      'Sample procedure: Operate': 6,
      'Sample procedure: Improve': 7,
      'Sample procedure: Incident with a change to managed resources': 22,
    });
    for (const procedure of procedures) {
      for (const step of procedure.steps) {
        expect(step.obsolete).toBe(false);
        const letters = step.responsibilities.map((responsibility: any) => responsibility.raci);
        const label = `${procedure.name} step ${step.position}`;
        expect(
          letters.filter((raci: string[]) => raci.includes('A')),
          label,
        ).toHaveLength(1);
        expect(
          letters.some((raci: string[]) => raci.includes('R')),
          label,
        ).toBe(true);
      }
      expect(procedure.completeness.whoGaps, procedure.name).toBe(0);
    }
  });

  it("fills in the Recover procedure's work instructions with tools and sample text", async () => {
    const { id } = await createDemo('Demo instructions');
    const recover = (await dump(id)).procedures.find(
      (procedure: any) => procedure.name === 'Sample procedure: Recover',
    );
    expect(recover.completeness).toEqual({ liveSteps: 7, whoGaps: 0, howGaps: 0, percentComplete: 100 });
    expect(recover.workInstructions.length).toBeGreaterThanOrEqual(7);
    for (const instruction of recover.workInstructions) {
      expect(instruction.obsolete).toBe(false);
      expect(instruction.tools.length).toBeGreaterThan(0);
      expect(instruction.text).toMatch(/^_Sample instruction.*not USM content\._\n\n1\. /);
    }
    const first = recover.workInstructions.find((instruction: any) => instruction.step.position === 1);
    expect(first).toMatchObject({ role: { name: 'Service desk agent' } });
    expect(first.tools.map((tool: any) => tool.name).sort()).toEqual(['CMDB', 'Service desk tool']);
  });

  it('is not what the other templates give', async () => {
    const { createOrganisation } = await api.queryAs(owner, CREATE, { name: 'Plain' });
    expect(createOrganisation.demo).toBe(false);
    const organisation = await dump(createOrganisation.id);
    expect(organisation.procedures).toEqual([]);
    expect(organisation.tools).toEqual([]);
  });
});

describe('resetDemoOrganisation', () => {
  it('lets a trainer reset; a viewer is FORBIDDEN and an outsider gets NOT_FOUND', async () => {
    const organisation = await createDemo('Demo access');
    const i = { id: organisation.id, version: organisation.version };
    const asViewer = await api.requestAs(viewer, RESET, { i });
    expect(asViewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const asOutsider = await api.requestAs(outsider, RESET, { i });
    expect(asOutsider.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const asAnonymous = await api.requestAs(null, RESET, { i });
    expect(asAnonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const { resetDemoOrganisation } = await api.queryAs(trainer, RESET, { i });
    expect(resetDemoOrganisation).toEqual({
      id: organisation.id,
      name: 'Demo access',
      version: organisation.version + 1,
      demo: true,
    });
  });

  it('brings back exactly the original content after edits', async () => {
    const organisation = await createDemo('Demo reset');
    const before = await dump(organisation.id);

    // Edits a trainee might make: rename an activity, delete two procedures and then a role they used,
    // add a tool, rewrite a work instruction.
    const analyse = before.processes
      .find((process: any) => process.key === 'RECOVER')
      .activities.find((activity: any) => activity.name === 'Analyse');
    await api.queryAs(owner, `mutation($i: UpdateActivityInput!) { updateActivity(input: $i) { id } }`, {
      i: { id: analyse.id, version: analyse.version, name: 'Diagnose' },
    });
    for (const name of ['Sample procedure: Agree', 'Sample procedure: Improve']) {
      const procedure = before.procedures.find((candidate: any) => candidate.name === name);
      const { node } = await api.queryAs(
        owner,
        `query($id: ID!) { node(id: $id) { ... on Procedure { version } } }`,
        {
          id: procedure.id,
        },
      );
      await api.queryAs(owner, `mutation($i: DeleteInput!) { deleteProcedure(input: $i) }`, {
        i: { id: procedure.id, version: node.version },
      });
    }
    const accountManager = before.roles.find((role: any) => role.name === 'Account manager');
    await api.queryAs(owner, `mutation($i: DeleteInput!) { deleteRole(input: $i) }`, {
      i: { id: accountManager.id, version: accountManager.version },
    });
    await api.queryAs(owner, `mutation($i: CreateToolInput!) { createTool(input: $i) { id } }`, {
      i: { organisationId: organisation.id, name: 'Spreadsheet' },
    });
    const edited = await dump(organisation.id);
    expect(normalised(edited)).not.toEqual(normalised(before));
    expect(edited.roles.map((role: any) => role.name)).not.toContain('Account manager');

    const { resetDemoOrganisation } = await api.queryAs(trainer, RESET, {
      i: { id: organisation.id, version: edited.version },
    });
    expect(resetDemoOrganisation.version).toBe(edited.version + 1);
    const after = await dump(organisation.id);
    expect(after.id).toBe(organisation.id);
    expect(normalised(after)).toEqual(normalised(before));
    // A fresh model: none of the old objects is left.
    const oldRoleIds = new Set(before.roles.map((role: any) => role.id));
    expect(after.roles.some((role: any) => oldRoleIds.has(role.id))).toBe(false);

    // And again, from the reset state: the same content.
    await api.queryAs(owner, RESET, { i: { id: organisation.id, version: after.version } });
    expect(normalised(await dump(organisation.id))).toEqual(normalised(before));
  });

  it("ends the organisation's live presentations, which would otherwise show a model that is gone", async () => {
    const organisation = await createDemo('Demo presenting');
    const recover = (await dump(organisation.id)).procedures.find(
      (procedure: any) => procedure.name === 'Sample procedure: Recover',
    );
    const START = `mutation($i: StartPresentationInput!) { startPresentation(input: $i) { presentation { id live } } }`;
    const started = await Promise.all([
      api.queryAs(trainer, START, {
        i: { organisationId: organisation.id, mode: 'WORKFLOW', workflowNumber: 3 },
      }),
      api.queryAs(trainer, START, {
        i: { organisationId: organisation.id, mode: 'DERIVATION', procedureId: recover.id },
      }),
    ]);
    await api.queryAs(trainer, RESET, { i: { id: organisation.id, version: organisation.version } });
    for (const { startPresentation } of started) {
      const { presentation } = await api.queryAs(
        trainer,
        `query($id: ID!) { presentation(id: $id) { id live } }`,
        {
          id: startPresentation.presentation.id,
        },
      );
      expect(presentation).toEqual({ id: startPresentation.presentation.id, live: false });
    }
  });

  it('refuses an organisation that is not a demo and changes nothing', async () => {
    const { createOrganisation } = await api.queryAs(owner, CREATE, { name: 'Not a demo' });
    await api.queryAs(owner, ADD_MEMBER, {
      i: { organisationId: createOrganisation.id, userId: trainer.id, role: 'TRAINER' },
    });
    await api.queryAs(owner, `mutation($i: CreateToolInput!) { createTool(input: $i) { id } }`, {
      i: { organisationId: createOrganisation.id, name: 'Our own tool' },
    });
    const before = await dump(createOrganisation.id);
    const refused = await api.requestAs(trainer, RESET, {
      i: { id: createOrganisation.id, version: before.version },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
    expect(refused.errors?.[0]?.message).toMatch(/not a demo organisation/);
    expect(await dump(createOrganisation.id)).toEqual(before);
  });

  it('answers CONFLICT for a stale version and changes nothing', async () => {
    const organisation = await createDemo('Demo stale');
    await api.queryAs(
      owner,
      `mutation($i: UpdateOrganisationInput!) { updateOrganisation(input: $i) { id } }`,
      {
        i: { id: organisation.id, version: organisation.version, name: 'Demo stale, renamed' },
      },
    );
    const before = await dump(organisation.id);
    const stale = await api.requestAs(trainer, RESET, {
      i: { id: organisation.id, version: organisation.version },
    });
    expect(stale.errors?.[0]?.extensions).toEqual({
      code: 'CONFLICT',
      currentVersion: organisation.version + 1,
    });
    expect(await dump(organisation.id)).toEqual(before);
  });
});
