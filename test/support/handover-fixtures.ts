/** Fixtures for the hand-over tests: the reference rules written out independently, and API helpers. */
import { expect } from 'vitest';
import { CREATE_ORGANISATION, WHOLE_MODEL, type WholeModel } from './operations';
import type { GraphQLResponse, TestApi } from './test-api';

// Reference §2 and §5, written out here so that the tests do not take their oracle from the API's own code.
export const PROCESSES = ['AGREE', 'CHANGE', 'RECOVER', 'OPERATE', 'IMPROVE'] as const;
export const CALL_TYPES = ['WISH', 'RFC', 'INCIDENT', 'SERVICE_REQUEST', 'RISK'] as const;
export type ProcessKey = (typeof PROCESSES)[number];
export type CallType = (typeof CALL_TYPES)[number];
export const ENTERS: Record<CallType, ProcessKey> = {
  WISH: 'AGREE',
  RFC: 'CHANGE',
  INCIDENT: 'RECOVER',
  SERVICE_REQUEST: 'OPERATE',
  RISK: 'IMPROVE',
};
export const FORK_TARGETS: Record<ProcessKey, ProcessKey[]> = {
  AGREE: ['CHANGE'],
  CHANGE: ['OPERATE'],
  RECOVER: ['CHANGE', 'OPERATE'],
  OPERATE: [],
  IMPROVE: ['AGREE', 'CHANGE', 'OPERATE'],
};
export const PROCESS_NAME: Record<ProcessKey, string> = {
  AGREE: 'Agree',
  CHANGE: 'Change',
  RECOVER: 'Recover',
  OPERATE: 'Operate',
  IMPROVE: 'Improve',
};
export const REFERENCE_STEP_COUNTS = [23, 15, 22, 13, 6, 30, 22, 13];

export const HANDOVER_FIELDS = 'id callType kind version from { id name } target { key }';
export const CREATE_HANDOVER = `mutation($input: CreateHandoverInput!) { createHandover(input: $input) { ${HANDOVER_FIELDS} } }`;
export const UPDATE_HANDOVER = `mutation($input: UpdateHandoverInput!) { updateHandover(input: $input) { ${HANDOVER_FIELDS} } }`;
export const DELETE_HANDOVER = `mutation($input: DeleteInput!) { deleteHandover(input: $input) }`;
export const CREATE_ACTIVITY = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id name } }`;
export const CREATE_ROLE = `mutation($input: CreateRoleInput!) { createRole(input: $input) { id } }`;
export const ORGANISATION_HANDOVERS = /* GraphQL */ `
  query($id: ID!) {
    organisation(id: $id) {
      processes { key allowedForkTargets handovers { ${HANDOVER_FIELDS} } }
    }
  }
`;
export const ACTIVITY_HANDOVERS = `query($id: ID!) { node(id: $id) { ... on Activity { handovers { ${HANDOVER_FIELDS} } } } }`;
export const HANDOVER_NODE = `query($id: ID!) { node(id: $id) { __typename ... on Handover { ${HANDOVER_FIELDS} } } }`;
export const WORKFLOW_STEPS = /* GraphQL */ `
  query ($id: ID!) {
    organisation(id: $id) {
      workflows {
        number
        steps {
          depth
          process {
            key
          }
          activity {
            name
          }
        }
      }
    }
  }
`;

export interface HandoverView {
  id: string;
  callType: CallType;
  kind: 'FORK' | 'SPAWN';
  version: number;
  from: { id: string; name: string };
  target: { key: ProcessKey };
}

export interface WorkflowView {
  number: number;
  steps: { depth: number; process: { key: ProcessKey }; activity: { name: string } }[];
}

/** Helpers bound to a test file's API (read lazily: the API starts in beforeAll). */
export function handoverFixtures(api: () => TestApi) {
  function globalId(type: string, storedId: string): string {
    return Buffer.from(`${type}:${storedId}`, 'utf8').toString('base64url');
  }

  async function createOrganisation(name: string, template: 'USM_REFERENCE' | 'EMPTY' = 'USM_REFERENCE') {
    const data = await api().query(CREATE_ORGANISATION, { name, template });
    return data.createOrganisation as { id: string; name: string; version: number };
  }

  async function readModel(organisationId: string) {
    const { organisation } = await api().query<WholeModel>(WHOLE_MODEL, { id: organisationId });
    if (!organisation) throw new Error(`Organisation ${organisationId} not found`);
    return organisation;
  }

  /** The id of a reference activity, found by process and step name. */
  async function referenceActivity(organisationId: string, process: ProcessKey, name: string) {
    const model = await readModel(organisationId);
    const activity = model.processes
      .find((candidate) => candidate.key === process)
      ?.activities.find((candidate) => candidate.name === name);
    if (!activity) throw new Error(`No activity "${name}" in ${process}`);
    return activity;
  }

  /** An EMPTY-template organisation with one activity per process: no hand-overs at all to start with. */
  async function organisationWithOneActivityPerProcess(name: string) {
    const organisation = await createOrganisation(name, 'EMPTY');
    const model = await readModel(organisation.id);
    const activityOf = {} as Record<ProcessKey, string>;
    for (const process of model.processes) {
      const data = await api().query(CREATE_ACTIVITY, {
        input: { processId: process.id, name: `${PROCESS_NAME[process.key as ProcessKey]} step` },
      });
      activityOf[process.key as ProcessKey] = data.createActivity.id;
    }
    return { organisationId: organisation.id, activityOf };
  }

  async function handoversByProcess(organisationId: string) {
    const data = await api().query(ORGANISATION_HANDOVERS, { id: organisationId });
    const processes = data.organisation.processes as {
      key: ProcessKey;
      allowedForkTargets: ProcessKey[];
      handovers: HandoverView[];
    }[];
    return Object.fromEntries(processes.map((process) => [process.key, process])) as Record<
      ProcessKey,
      (typeof processes)[number]
    >;
  }

  async function allHandovers(organisationId: string): Promise<HandoverView[]> {
    return Object.values(await handoversByProcess(organisationId)).flatMap((process) => process.handovers);
  }

  async function handoversOfActivity(activityId: string): Promise<HandoverView[]> {
    return (await api().query(ACTIVITY_HANDOVERS, { id: activityId })).node.handovers;
  }

  async function readHandover(id: string): Promise<HandoverView | null> {
    return (await api().query(HANDOVER_NODE, { id })).node;
  }

  async function createHandover(input: { fromActivityId: string; callType: CallType; kind?: string }) {
    return (await api().query(CREATE_HANDOVER, { input })).createHandover as HandoverView;
  }

  async function workflows(organisationId: string): Promise<WorkflowView[]> {
    return (await api().query(WORKFLOW_STEPS, { id: organisationId })).organisation.workflows;
  }

  async function stepCounts(organisationId: string): Promise<number[]> {
    return (await workflows(organisationId)).map((workflow) => workflow.steps.length);
  }

  /** Exactly one error with this code and these extensions, and nothing internal leaked to the client. */
  function expectError(response: GraphQLResponse, code: string, extensions: Record<string, unknown> = {}) {
    expect(response.errors, `expected a ${code} error`).toHaveLength(1);
    const error = response.errors![0]!;
    expect(error.extensions).toMatchObject({ code, ...extensions });
    const text = JSON.stringify(response.errors).toLowerCase();
    for (const leak of ['select ', 'insert ', 'stacktrace']) expect(text).not.toContain(leak);
    return error;
  }

  return {
    globalId,
    createOrganisation,
    readModel,
    referenceActivity,
    organisationWithOneActivityPerProcess,
    handoversByProcess,
    allHandovers,
    handoversOfActivity,
    readHandover,
    createHandover,
    workflows,
    stepCounts,
    expectError,
  };
}
