import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_ORGANISATION, WHOLE_MODEL, type WholeModel } from '../support/operations';
import { startTestApi, type TestApi } from '../support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const MAP = /* GraphQL */ `
  mutation ($i: MapCoverageInput!) {
    mapCoverage(input: $i) {
      id
      version
      framework
      rationale
      item {
        key
        title
      }
      activity {
        name
      }
      workflow {
        number
      }
    }
  }
`;
const REPORT = /* GraphQL */ `
  query ($id: ID!, $framework: Framework!) {
    organisation(id: $id) {
      coverage(framework: $framework) {
        coveredCount
        totalCount
        note
        lines {
          item {
            key
          }
          covered
          mappings {
            rationale
          }
        }
      }
    }
  }
`;

async function referenceOrganisation() {
  const { createOrganisation } = await api.query(CREATE_ORGANISATION, { name: `Covered ${Math.random()}` });
  const { organisation } = await api.query<WholeModel>(WHOLE_MODEL, { id: createOrganisation.id });
  const recover = organisation!.processes.find((process) => process.key === 'RECOVER')!;
  const workflows = await api.query(
    `query ($id: ID!) { organisation(id: $id) { workflows { id number } } }`,
    {
      id: createOrganisation.id,
    },
  );
  return {
    id: createOrganisation.id as string,
    acceptIncident: recover.activities[0]!,
    workflow3: workflows.organisation.workflows.find((workflow: any) => workflow.number === 3).id as string,
  };
}

describe('framework reference lists', () => {
  it('are public: the 34 ITIL 4 practices and the ISO/IEC 20000-1 clauses', async () => {
    const { usmReference } = await api.query(
      `{ usmReference { itilPractices { key title group } iso20000Clauses { key title group } } }`,
    );
    expect(usmReference.itilPractices).toHaveLength(34);
    expect(usmReference.iso20000Clauses).toContainEqual({
      key: '8.6.1',
      title: 'Incident management',
      group: '8.6',
    });
  });
});

describe('coverage mappings', () => {
  it('map an activity or a workflow to an item with a rationale, and the report shows what is covered', async () => {
    const organisation = await referenceOrganisation();
    const byActivity = await api.query(MAP, {
      i: {
        organisationId: organisation.id,
        framework: 'ITIL4',
        itemKey: 'incident-management',
        activityId: organisation.acceptIncident.id,
        rationale: 'Our reading: Recover takes incidents in here.',
      },
    });
    expect(byActivity.mapCoverage).toMatchObject({
      framework: 'ITIL4',
      item: { key: 'incident-management', title: 'Incident management' },
      activity: { name: organisation.acceptIncident.name },
      workflow: null,
    });
    await api.query(MAP, {
      i: {
        organisationId: organisation.id,
        framework: 'ITIL4',
        itemKey: 'change-enablement',
        workflowId: organisation.workflow3,
        rationale: 'Workflow 3 carries an incident into a change.',
      },
    });

    const { organisation: read } = await api.query(REPORT, { id: organisation.id, framework: 'ITIL4' });
    expect(read.coverage).toMatchObject({ coveredCount: 2, totalCount: 34 });
    expect(read.coverage.note).toContain('no official mapping');
    const line = (key: string) => read.coverage.lines.find((candidate: any) => candidate.item.key === key);
    expect(line('incident-management')).toMatchObject({
      covered: true,
      mappings: [{ rationale: expect.any(String) }],
    });
    expect(line('problem-management')).toEqual({
      item: { key: 'problem-management' },
      covered: false,
      mappings: [],
    });
  });

  it('stop covering when the activity is deleted, and can be removed with their version', async () => {
    const organisation = await referenceOrganisation();
    const { mapCoverage } = await api.query(MAP, {
      i: {
        organisationId: organisation.id,
        framework: 'ISO20000',
        itemKey: '8.6.1',
        activityId: organisation.acceptIncident.id,
        rationale: 'Accepting the incident starts its handling.',
      },
    });
    await api.query(`mutation ($i: DeleteInput!) { deleteActivity(input: $i) }`, {
      i: { id: organisation.acceptIncident.id, version: organisation.acceptIncident.version },
    });
    let report = (await api.query(REPORT, { id: organisation.id, framework: 'ISO20000' })).organisation
      .coverage;
    expect(report.coveredCount).toBe(0);
    expect(report.lines.find((line: any) => line.item.key === '8.6.1').mappings).toHaveLength(1);

    const stale = await api.request(`mutation ($i: DeleteInput!) { unmapCoverage(input: $i) }`, {
      i: { id: mapCoverage.id, version: mapCoverage.version + 1 },
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await api.query(`mutation ($i: DeleteInput!) { unmapCoverage(input: $i) }`, {
      i: { id: mapCoverage.id, version: mapCoverage.version },
    });
    report = (await api.query(REPORT, { id: organisation.id, framework: 'ISO20000' })).organisation.coverage;
    expect(report.lines.find((line: any) => line.item.key === '8.6.1').mappings).toEqual([]);
  });

  it('refuse an unknown item, a missing rationale, both or no target, and another organisation’s activity', async () => {
    const organisation = await referenceOrganisation();
    const other = await referenceOrganisation();
    const base = {
      organisationId: organisation.id,
      framework: 'ITIL4',
      itemKey: 'incident-management',
      activityId: organisation.acceptIncident.id,
      rationale: 'Because.',
    };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ itemKey: 'incident-handling' }, 'BAD_USER_INPUT', 'input.itemKey'],
      [{ rationale: '  ' }, 'BAD_USER_INPUT', 'input.rationale'],
      [{ workflowId: organisation.workflow3 }, 'BAD_USER_INPUT', 'input.activityId'],
      [{ activityId: null }, 'BAD_USER_INPUT', 'input.activityId'],
      [{ activityId: other.acceptIncident.id }, 'NOT_FOUND', ''],
    ];
    for (const [change, code, field] of cases) {
      const response = await api.request(MAP, { i: { ...base, ...change } });
      expect(response.errors?.[0]?.extensions?.code, JSON.stringify(change)).toBe(code);
      if (field) expect(response.errors?.[0]?.extensions?.field).toBe(field);
    }
    const { organisation: read } = await api.query(
      `query ($id: ID!) { organisation(id: $id) { coverageMappings { id } } }`,
      {
        id: organisation.id,
      },
    );
    expect(read.coverageMappings).toEqual([]);
  });
});
