import type { Permission } from '@usm/api/src/domain/access';
import type { AccessRule } from '@usm/api/src/graphql/access-rules';
import { CREATE_ORGANISATION } from './operations';
import { TEST_PASSWORD, type TestApi, type TestUser } from './test-api';

/**
 * The authorisation matrix: one case per root field of the schema, with the access rule it must obey and
 * how to call it. `expectedOutcomes` turns the rule into the outcome each persona must see; the test
 * (api/authorisation-matrix.test.ts) calls every field as every persona and compares.
 */

export type Persona =
  | 'anonymous'
  | 'outsider'
  | 'viewer'
  | 'architect'
  | 'owner'
  | 'administrator'
  | 'trainer'
  /** No account: the share token of a live presentation of the matrix's organisation (issue 6). */
  | 'share';

/**
 * OK: no error and data. NULL: no error, and null or an empty list or connection (an outsider's reads).
 * FALSE: no error and `false` (logout without a session). Otherwise the error code.
 */
export type Outcome = 'OK' | 'NULL' | 'FALSE' | 'UNAUTHENTICATED' | 'NOT_FOUND' | 'FORBIDDEN';

/** Every field is called as these; the owner, the administrator and the trainer are added where they matter. */
export const EVERYONE: readonly Persona[] = ['anonymous', 'outsider', 'viewer', 'architect', 'share'];

export type RootCoordinate = `Query.${string}` | `Mutation.${string}` | `Subscription.${string}`;

/** How one persona calls a field: its variables, and who sends it (default: the persona). */
export interface PreparedCall {
  variables?: Record<string, unknown>;
  /** Another signed-in identity for this persona, e.g. a fresh session of theirs for `logout`. */
  as?: TestUser | null;
}

type Ruled =
  | { rule: Exclude<AccessRule, 'ORGANISATION'> }
  | { rule: 'ORGANISATION'; /** What a member needs. */ permission: Permission };

export type AuthorisationCase = Ruled & {
  /** The schema coordinate, e.g. `Mutation.addMember`. */
  coordinate: RootCoordinate;
  document: string;
  /** Builds one persona's call, with fresh objects (made by the owner) where the call changes state. */
  prepare?: (world: AuthorisationWorld, persona: Persona) => Promise<PreparedCall>;
  /** Outcomes that differ from what the rule alone implies. */
  exceptions?: Partial<Record<Persona, Outcome>>;
};

export function fieldOf(testCase: AuthorisationCase): string {
  return testCase.coordinate.slice(testCase.coordinate.indexOf('.') + 1);
}

/** Who is called for a case, and what each must see. */
export function expectedOutcomes(testCase: AuthorisationCase): [Persona, Outcome][] {
  const personas = [...EVERYONE];
  if (testCase.rule === 'ORGANISATION' && testCase.permission === 'MANAGE') personas.push('owner');
  if (testCase.rule === 'ADMINISTRATOR') personas.push('administrator');
  if (testCase.rule === 'ORGANISATION' && testCase.permission === 'PRESENT') personas.push('trainer');
  return personas.map((persona) => [
    persona,
    testCase.exceptions?.[persona] ?? ruleOutcome(testCase, persona),
  ]);
}

function ruleOutcome(testCase: AuthorisationCase, persona: Persona): Outcome {
  if (testCase.rule === 'PUBLIC') return 'OK';
  if (persona === 'anonymous') return 'UNAUTHENTICATED';
  if (persona === 'share') return shareOutcome(testCase);
  switch (testCase.rule) {
    case 'SIGNED_IN':
      return 'OK';
    case 'ADMINISTRATOR':
      return persona === 'administrator' ? 'OK' : 'FORBIDDEN';
    case 'ORGANISATION':
      return memberOutcome(persona, testCase.permission);
  }
}

const GRANTED: Record<Persona, readonly Permission[]> = {
  anonymous: [],
  outsider: [],
  // No member: what a share link reads is decided by shareOutcome.
  share: [],
  // Not a member of the organisation: an outsider there.
  administrator: [],
  viewer: ['READ'],
  trainer: ['READ', 'PRESENT'],
  architect: ['READ', 'WRITE', 'PRESENT'],
  owner: ['READ', 'WRITE', 'MANAGE', 'PRESENT'],
};

/**
 * A share link reads the model of the matrix's organisation (the objects the cases name are in it) and
 * nothing else: no mutation, nothing that needs an account.
 */
function shareOutcome(testCase: AuthorisationCase): Outcome {
  const reads =
    testCase.rule === 'ORGANISATION' &&
    testCase.permission === 'READ' &&
    !testCase.coordinate.startsWith('Mutation.');
  return reads ? 'OK' : 'UNAUTHENTICATED';
}

function memberOutcome(persona: Persona, permission: Permission): Outcome {
  if (GRANTED[persona].length === 0) return 'NOT_FOUND';
  return GRANTED[persona].includes(permission) ? 'OK' : 'FORBIDDEN';
}

// ---------------------------------------------------------------------------------------------------
// The world the cases run in: one reference organisation, its members, and factories for fresh objects.

type ProcessKey = 'AGREE' | 'CHANGE' | 'RECOVER' | 'OPERATE' | 'IMPROVE';

export interface VersionedRef {
  id: string;
  version: number;
}

export interface WorldIds {
  organisation: string;
  processes: Record<ProcessKey, string>;
  workflow: string;
  activity: string;
  handover: string;
  /** A role and a tool made for the matrix, used by the shared procedure. */
  role: string;
  tool: string;
  /** A procedure derived from workflow 5, with a work instruction on its first step. */
  procedure: string;
  step: string;
  /** A step of the procedure for assignments (not the one with the work instruction). */
  assignableStep: string;
  workInstruction: string;
  viewerMembership: string;
  /** A live presentation of the organisation (started by the owner); the share persona holds its token. */
  presentation: string;
}

export class AuthorisationWorld {
  private counter = 0;

  private constructor(
    readonly api: TestApi,
    readonly users: Record<Exclude<Persona, 'anonymous' | 'share'>, TestUser>,
    readonly ids: WorldIds,
    /** The share persona: no account, the token of the presentation `ids.presentation`. */
    readonly share: TestUser,
  ) {}

  /**
   * The owner's reference organisation with a VIEWER and an ARCHITECT member; the outsider and the
   * administrator are not members.
   */
  static async build(api: TestApi): Promise<AuthorisationWorld> {
    const [owner, outsider, viewer, architect, trainer] = await Promise.all(
      ['owner', 'outsider', 'viewer', 'architect', 'trainer'].map((name) =>
        api.createUser(`${name}@matrix.example`),
      ),
    );
    const users = {
      owner: owner!,
      outsider: outsider!,
      viewer: viewer!,
      architect: architect!,
      trainer: trainer!,
      administrator: api.admin,
    };
    const asOwner = <T = any>(query: string, variables?: Record<string, unknown>) =>
      api.queryAs<T>(users.owner, query, variables);

    const organisation = (await asOwner(CREATE_ORGANISATION, { name: 'Matrix' })).createOrganisation.id;
    const viewerMembership = (
      await asOwner(ADD_MEMBER, { i: { organisationId: organisation, userId: viewer!.id, role: 'VIEWER' } })
    ).addMember.id;
    await asOwner(ADD_MEMBER, {
      i: { organisationId: organisation, userId: architect!.id, role: 'ARCHITECT' },
    });
    await asOwner(ADD_MEMBER, { i: { organisationId: organisation, userId: trainer!.id, role: 'TRAINER' } });

    const model = (await asOwner(MODEL, { id: organisation })).organisation;
    const processes = Object.fromEntries(
      model.processes.map((process: { key: ProcessKey; id: string }) => [process.key, process.id]),
    ) as Record<ProcessKey, string>;
    const role = (await asOwner(CREATE_ROLE, { i: { organisationId: organisation, name: 'Matrix role' } }))
      .createRole.id;
    const tool = (await asOwner(CREATE_TOOL, { i: { organisationId: organisation, name: 'Matrix tool' } }))
      .createTool.id;
    const procedure = (
      await asOwner(DERIVE_PROCEDURE, { i: { organisationId: organisation, workflowNumber: 5 } })
    ).deriveProcedure;
    const [step, assignableStep] = procedure.steps as { id: string }[];
    await asOwner(ASSIGN_RESPONSIBILITY, { i: { stepId: step!.id, roleId: role, raci: ['R'] } });
    const derived = (
      await asOwner(DERIVE_WORK_INSTRUCTIONS, { i: { procedureId: procedure.id, toolId: tool } })
    ).deriveWorkInstructions;

    const started = (
      await asOwner(START_PRESENTATION, {
        i: { organisationId: organisation, mode: 'WORKFLOW', workflowNumber: 1 },
      })
    ).startPresentation;
    const share = { id: '', email: '', token: started.shareToken, scheme: 'Share' as const };

    const world = new AuthorisationWorld(
      api,
      users,
      {
        organisation,
        processes,
        workflow: model.workflows[0].id,
        activity: model.processes[0].activities[0].id,
        handover: '', // made below: a hand-over needs the world's factories
        role,
        tool,
        procedure: procedure.id,
        step: step!.id,
        assignableStep: assignableStep!.id,
        workInstruction: derived.workInstructions[0].id,
        viewerMembership,
        presentation: started.presentation.id,
      },
      share,
    );
    world.ids.handover = (await world.freshHandover()).id;
    return world;
  }

  /** The identity a persona sends: null for anonymous, the share token for share. */
  userOf(persona: Persona): TestUser | null {
    if (persona === 'share') return this.share;
    return persona === 'anonymous' ? null : this.users[persona];
  }

  /** The persona's account: null for anonymous and share, who have none. */
  accountOf(persona: Persona): TestUser | null {
    return persona === 'anonymous' || persona === 'share' ? null : this.users[persona];
  }

  asOwner<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    return this.api.queryAs<T>(this.users.owner, query, variables);
  }

  /** A name no other call has used. */
  unique(label: string): string {
    this.counter += 1;
    return `${label} ${this.counter}`;
  }

  async currentVersion(id: string): Promise<VersionedRef> {
    const { node } = await this.asOwner(
      `query($id: ID!) { node(id: $id) { id ... on Versioned { version } } }`,
      { id },
    );
    return node;
  }

  async freshActivity(processKey: ProcessKey = 'IMPROVE'): Promise<VersionedRef> {
    const input = { processId: this.ids.processes[processKey], name: this.unique('Activity') };
    return (await this.asOwner(CREATE_ACTIVITY, { i: input })).createActivity;
  }

  async freshHandover(): Promise<VersionedRef> {
    const from = await this.freshActivity();
    const input = { fromActivityId: from.id, callType: 'INCIDENT', kind: 'SPAWN' };
    return (await this.asOwner(CREATE_HANDOVER, { i: input })).createHandover;
  }

  async freshRole(): Promise<VersionedRef> {
    const input = { organisationId: this.ids.organisation, name: this.unique('Role') };
    return (await this.asOwner(CREATE_ROLE, { i: input })).createRole;
  }

  async freshTool(): Promise<VersionedRef> {
    const input = { organisationId: this.ids.organisation, name: this.unique('Tool') };
    return (await this.asOwner(CREATE_TOOL, { i: input })).createTool;
  }

  async freshCoverageMapping(): Promise<VersionedRef> {
    const input = {
      organisationId: this.ids.organisation,
      framework: 'ITIL4',
      itemKey: 'incident-management',
      workflowId: this.ids.workflow,
      rationale: this.unique('Rationale'),
    };
    return (await this.asOwner(MAP_COVERAGE, { i: input })).mapCoverage;
  }

  async freshProcedure(processKey: ProcessKey = 'OPERATE'): Promise<FreshProcedure> {
    const input = { organisationId: this.ids.organisation, processKey, name: this.unique('Procedure') };
    return (await this.asOwner(DERIVE_PROCEDURE, { i: input })).deriveProcedure;
  }

  /** A live presentation of the organisation, started by the owner. */
  async freshPresentation(): Promise<VersionedRef> {
    const input = { organisationId: this.ids.organisation, mode: 'WORKFLOW', workflowNumber: 2 };
    return (await this.asOwner(START_PRESENTATION, { i: input })).startPresentation.presentation;
  }

  async freshWorkInstruction(): Promise<VersionedRef> {
    const procedure = await this.freshProcedure();
    await this.asOwner(ASSIGN_RESPONSIBILITY, {
      i: { stepId: procedure.steps[0]!.id, roleId: this.ids.role, raci: ['R'] },
    });
    const derived = (await this.asOwner(DERIVE_WORK_INSTRUCTIONS, { i: { procedureId: procedure.id } }))
      .deriveWorkInstructions;
    return derived.workInstructions[0];
  }

  /** A step whose activity was deleted after derivation: obsolete once the procedure is re-derived. */
  async freshObsoleteStep(): Promise<VersionedRef> {
    const activity = await this.freshActivity('AGREE');
    const procedure = await this.freshProcedure('AGREE');
    await this.asOwner(DELETE_ACTIVITY, { i: { id: activity.id, version: activity.version } });
    const rederived = (await this.asOwner(REDERIVE_PROCEDURE, { i: { procedureId: procedure.id } }))
      .rederiveProcedure as FreshProcedure;
    const obsolete = rederived.steps.find((step) => step.obsolete);
    if (!obsolete) throw new Error('Re-derivation left no obsolete step');
    return obsolete;
  }

  /** A new user account (no session): someone to add to the organisation. */
  async freshUserAccount(label: string): Promise<string> {
    const input = {
      email: `${this.unique(label).replace(/\W+/g, '-')}@matrix.example`,
      password: TEST_PASSWORD,
    };
    return (await this.api.query(CREATE_USER, { i: input })).createUser.id;
  }

  async freshMembership(): Promise<VersionedRef> {
    const userId = await this.freshUserAccount('member');
    const input = { organisationId: this.ids.organisation, userId, role: 'VIEWER' };
    return (await this.asOwner(ADD_MEMBER, { i: input })).addMember;
  }

  /** An empty organisation of the owner's where the viewer and the architect are members too. */
  async throwawayOrganisation(): Promise<VersionedRef> {
    const organisation = (
      await this.asOwner(CREATE_ORGANISATION, { name: this.unique('Throwaway'), template: 'EMPTY' })
    ).createOrganisation as VersionedRef;
    for (const [persona, role] of [
      ['viewer', 'VIEWER'],
      ['architect', 'ARCHITECT'],
      ['trainer', 'TRAINER'],
    ] as const) {
      const input = { organisationId: organisation.id, userId: this.users[persona].id, role };
      await this.asOwner(ADD_MEMBER, { i: input });
    }
    return organisation;
  }

  private demo: Promise<string> | null = null;

  /** A demo organisation (USM_DEMO) with the same members as a throwaway one, made once. */
  demoOrganisation(): Promise<string> {
    this.demo ??= (async () => {
      const organisation = (
        await this.asOwner(CREATE_ORGANISATION, { name: this.unique('Demo'), template: 'USM_DEMO' })
      ).createOrganisation as VersionedRef;
      for (const [persona, role] of [
        ['viewer', 'VIEWER'],
        ['architect', 'ARCHITECT'],
        ['trainer', 'TRAINER'],
      ] as const) {
        const input = { organisationId: organisation.id, userId: this.users[persona].id, role };
        await this.asOwner(ADD_MEMBER, { i: input });
      }
      return organisation.id;
    })();
    return this.demo;
  }

  /** An API token of the persona's own (the owner's for anonymous and share, who cannot have one). */
  async apiTokenOf(persona: Persona): Promise<string> {
    const user = this.accountOf(persona) ?? this.users.owner;
    const input = { name: this.unique('Token') };
    return (await this.api.queryAs(user, CREATE_API_TOKEN, { i: input })).createApiToken.apiToken.id;
  }

  /** A second session of the persona's, so that logging it out leaves the persona signed in. */
  async freshSessionOf(persona: Persona): Promise<TestUser | null> {
    if (persona === 'share') return this.share;
    const user = this.accountOf(persona);
    if (!user) return null;
    const { login } = await this.api.queryAs(null, LOGIN, { email: user.email, password: TEST_PASSWORD });
    return { ...user, token: login.token };
  }
}

interface FreshProcedure extends VersionedRef {
  steps: (VersionedRef & { obsolete: boolean })[];
}

const ADD_MEMBER = `mutation($i: AddMemberInput!) { addMember(input: $i) { id version } }`;
const MODEL = `query($id: ID!) {
  organisation(id: $id) { processes { id key activities { id } } workflows { id } }
}`;
const CREATE_ROLE = `mutation($i: CreateRoleInput!) { createRole(input: $i) { id version } }`;
const CREATE_TOOL = `mutation($i: CreateToolInput!) { createTool(input: $i) { id version } }`;
const MAP_COVERAGE = `mutation($i: MapCoverageInput!) { mapCoverage(input: $i) { id version } }`;
const CREATE_ACTIVITY = `mutation($i: CreateActivityInput!) { createActivity(input: $i) { id version } }`;
const DELETE_ACTIVITY = `mutation($i: DeleteInput!) { deleteActivity(input: $i) }`;
const CREATE_HANDOVER = `mutation($i: CreateHandoverInput!) { createHandover(input: $i) { id version } }`;
const PROCEDURE_STEPS = `id version steps { id version obsolete }`;
const DERIVE_PROCEDURE = `mutation($i: DeriveProcedureInput!) {
  deriveProcedure(input: $i) { ${PROCEDURE_STEPS} }
}`;
const REDERIVE_PROCEDURE = `mutation($i: RederiveProcedureInput!) {
  rederiveProcedure(input: $i) { ${PROCEDURE_STEPS} }
}`;
const ASSIGN_RESPONSIBILITY = `mutation($i: AssignResponsibilityInput!) {
  assignResponsibility(input: $i) { id }
}`;
const DERIVE_WORK_INSTRUCTIONS = `mutation($i: DeriveWorkInstructionsInput!) {
  deriveWorkInstructions(input: $i) { id workInstructions { id version } }
}`;
const START_PRESENTATION = `mutation($i: StartPresentationInput!) {
  startPresentation(input: $i) { shareToken presentation { id version } }
}`;
const CREATE_USER = `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`;
const CREATE_API_TOKEN = `mutation($i: CreateApiTokenInput!) {
  createApiToken(input: $i) { token apiToken { id } }
}`;
const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { token }
}`;

// ---------------------------------------------------------------------------------------------------
// The cases. Queries come first: the outsider's `organisations` must be read before the outsider creates
// an organisation of their own (Mutation.createOrganisation).

const deleteInput = (ref: VersionedRef) => ({ variables: { i: { id: ref.id, version: ref.version } } });

export const AUTHORISATION_CASES: readonly AuthorisationCase[] = [
  // Queries
  {
    coordinate: 'Query.apiTokens',
    rule: 'SIGNED_IN',
    document: `{ apiTokens { id } }`,
    // Each signed-in persona lists at least one token of their own.
    prepare: async (world, persona) => {
      if (world.accountOf(persona)) await world.apiTokenOf(persona);
      return {};
    },
  },
  {
    coordinate: 'Query.export',
    rule: 'ORGANISATION',
    permission: 'READ',
    document: `query($i: ExportInput!) { export(input: $i) { fileName } }`,
    prepare: async (world) => ({
      variables: { i: { organisationId: world.ids.organisation, format: 'BPMN', workflowNumber: 3 } },
    }),
  },
  {
    coordinate: 'Query.impact',
    rule: 'ORGANISATION',
    permission: 'READ',
    document: `query($id: ID!) { impact(id: $id) { procedures { id } } }`,
    prepare: async (world) => ({ variables: { id: world.ids.role } }),
  },
  {
    coordinate: 'Query.me',
    rule: 'PUBLIC',
    document: `{ me { id } }`,
    exceptions: { anonymous: 'NULL', share: 'NULL' },
  },
  {
    coordinate: 'Query.node',
    rule: 'ORGANISATION',
    permission: 'READ',
    document: `query($id: ID!) { node(id: $id) { id } }`,
    prepare: async (world) => ({ variables: { id: world.ids.procedure } }),
    exceptions: { outsider: 'NULL' },
  },
  {
    coordinate: 'Query.organisation',
    rule: 'ORGANISATION',
    permission: 'READ',
    document: `query($id: ID!) { organisation(id: $id) { id name } }`,
    prepare: async (world) => ({ variables: { id: world.ids.organisation } }),
    exceptions: { outsider: 'NULL' },
  },
  {
    coordinate: 'Query.organisations',
    rule: 'SIGNED_IN',
    document: `{ organisations { totalCount edges { node { id } } } }`,
    exceptions: { outsider: 'NULL' },
  },
  {
    coordinate: 'Query.presentation',
    rule: 'ORGANISATION',
    permission: 'READ',
    document: `query($id: ID!) { presentation(id: $id) { id step } }`,
    // The share persona's own presentation.
    prepare: async (world) => ({ variables: { id: world.ids.presentation } }),
    exceptions: { outsider: 'NULL' },
  },
  {
    // Over the WebSocket (graphql-ws): the first event, the presentation's current state, or the error.
    coordinate: 'Subscription.presentationMoved',
    rule: 'ORGANISATION',
    permission: 'READ',
    document: `subscription($id: ID!) { presentationMoved(id: $id) { id step } }`,
    prepare: async (world) => ({ variables: { id: world.ids.presentation } }),
  },
  {
    coordinate: 'Query.sharedPresentation',
    rule: 'PUBLIC',
    document: `{ sharedPresentation { id step } }`,
    // Only a request carrying a live share token has one.
    exceptions: { anonymous: 'NULL', outsider: 'NULL', viewer: 'NULL', architect: 'NULL' },
  },
  {
    coordinate: 'Query.userByEmail',
    rule: 'SIGNED_IN',
    document: `query($email: String!) { userByEmail(email: $email) { id } }`,
    prepare: async (world) => ({ variables: { email: world.users.owner.email } }),
  },
  {
    coordinate: 'Query.usmReference',
    rule: 'PUBLIC',
    document: `{ usmReference { processes { key } } }`,
  },

  // Mutations
  {
    coordinate: 'Mutation.addMember',
    rule: 'ORGANISATION',
    permission: 'MANAGE',
    document: ADD_MEMBER,
    prepare: async (world) => {
      const userId = await world.freshUserAccount('candidate');
      return { variables: { i: { organisationId: world.ids.organisation, userId, role: 'VIEWER' } } };
    },
  },
  {
    coordinate: 'Mutation.assignResponsibility',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: ASSIGN_RESPONSIBILITY,
    prepare: async (world) => ({
      variables: { i: { stepId: world.ids.assignableStep, roleId: world.ids.role, raci: ['C'] } },
    }),
  },
  {
    coordinate: 'Mutation.assignRoleToProcess',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: `mutation($i: AssignRoleToProcessInput!) { assignRoleToProcess(input: $i) { id } }`,
    prepare: async (world) => {
      const procedure = await world.freshProcedure('OPERATE');
      const input = { procedureId: procedure.id, processKey: 'OPERATE', roleId: world.ids.role, raci: ['I'] };
      return { variables: { i: input } };
    },
  },
  {
    coordinate: 'Mutation.assignToolToProcess',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: `mutation($i: AssignToolToProcessInput!) { assignToolToProcess(input: $i) { id } }`,
    prepare: async (world) => ({
      variables: { i: { procedureId: world.ids.procedure, processKey: 'OPERATE', toolId: world.ids.tool } },
    }),
  },
  {
    coordinate: 'Mutation.createActivity',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: CREATE_ACTIVITY,
    prepare: async (world) => ({
      variables: { i: { processId: world.ids.processes.IMPROVE, name: world.unique('New activity') } },
    }),
  },
  {
    coordinate: 'Mutation.createApiToken',
    rule: 'SIGNED_IN',
    document: CREATE_API_TOKEN,
    prepare: async (world) => ({ variables: { i: { name: world.unique('Dashboard') } } }),
  },
  {
    coordinate: 'Mutation.createHandover',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: CREATE_HANDOVER,
    prepare: async (world) => {
      const from = await world.freshActivity();
      return { variables: { i: { fromActivityId: from.id, callType: 'RFC', kind: 'SPAWN' } } };
    },
  },
  {
    coordinate: 'Mutation.createOrganisation',
    rule: 'SIGNED_IN',
    document: CREATE_ORGANISATION,
    prepare: async (world) => ({ variables: { name: world.unique('Own organisation'), template: 'EMPTY' } }),
  },
  {
    coordinate: 'Mutation.createRole',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: CREATE_ROLE,
    prepare: async (world) => ({
      variables: { i: { organisationId: world.ids.organisation, name: world.unique('New role') } },
    }),
  },
  {
    coordinate: 'Mutation.createTool',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: CREATE_TOOL,
    prepare: async (world) => ({
      variables: { i: { organisationId: world.ids.organisation, name: world.unique('New tool') } },
    }),
  },
  {
    coordinate: 'Mutation.createUser',
    rule: 'ADMINISTRATOR',
    document: CREATE_USER,
    prepare: async (world) => ({
      variables: {
        i: { email: `${world.unique('new').replace(' ', '-')}@matrix.example`, password: TEST_PASSWORD },
      },
    }),
  },
  {
    coordinate: 'Mutation.deleteActivity',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: DELETE_ACTIVITY,
    prepare: async (world) => deleteInput(await world.freshActivity()),
  },
  {
    coordinate: 'Mutation.deleteHandover',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: `mutation($i: DeleteInput!) { deleteHandover(input: $i) }`,
    prepare: async (world) => deleteInput(await world.freshHandover()),
  },
  {
    coordinate: 'Mutation.deleteOrganisation',
    rule: 'ORGANISATION',
    permission: 'MANAGE',
    document: `mutation($i: DeleteInput!) { deleteOrganisation(input: $i) }`,
    prepare: async (world) => deleteInput(await world.throwawayOrganisation()),
  },
  {
    coordinate: 'Mutation.deleteProcedure',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: `mutation($i: DeleteInput!) { deleteProcedure(input: $i) }`,
    prepare: async (world) => deleteInput(await world.freshProcedure()),
  },
  {
    coordinate: 'Mutation.mapCoverage',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: `mutation($i: MapCoverageInput!) { mapCoverage(input: $i) { id } }`,
    prepare: async (world) => ({
      variables: {
        i: {
          organisationId: world.ids.organisation,
          framework: 'ISO20000',
          itemKey: '8.6.1',
          activityId: world.ids.activity,
          rationale: world.unique('Rationale'),
        },
      },
    }),
  },
  {
    coordinate: 'Mutation.unmapCoverage',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: `mutation($i: DeleteInput!) { unmapCoverage(input: $i) }`,
    prepare: async (world) => deleteInput(await world.freshCoverageMapping()),
  },
  {
    coordinate: 'Mutation.deleteRole',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: `mutation($i: DeleteInput!) { deleteRole(input: $i) }`,
    prepare: async (world) => deleteInput(await world.freshRole()),
  },
  {
    coordinate: 'Mutation.deleteTool',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: `mutation($i: DeleteInput!) { deleteTool(input: $i) }`,
    prepare: async (world) => deleteInput(await world.freshTool()),
  },
  {
    coordinate: 'Mutation.deleteWorkInstruction',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: `mutation($i: DeleteInput!) { deleteWorkInstruction(input: $i) }`,
    prepare: async (world) => deleteInput(await world.freshWorkInstruction()),
  },
  {
    coordinate: 'Mutation.deriveProcedure',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: DERIVE_PROCEDURE,
    prepare: async (world) => ({
      variables: { i: { organisationId: world.ids.organisation, processKey: 'OPERATE' } },
    }),
  },
  {
    coordinate: 'Mutation.deriveWorkInstructions',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: DERIVE_WORK_INSTRUCTIONS,
    prepare: async (world) => ({ variables: { i: { procedureId: world.ids.procedure } } }),
  },
  {
    coordinate: 'Mutation.importModel',
    rule: 'SIGNED_IN',
    document: `mutation($i: ImportModelInput!) { importModel(input: $i) { id } }`,
    prepare: async (world) => {
      const { export: file } = await world.asOwner(
        `query($i: ExportInput!) { export(input: $i) { content } }`,
        { i: { organisationId: world.ids.organisation, format: 'MODEL_JSON' } },
      );
      return { variables: { i: { document: file.content, name: world.unique('Imported') } } };
    },
  },
  {
    coordinate: 'Mutation.importWif',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: `mutation($i: ImportWifInput!) { importWif(input: $i) { procedure { id } } }`,
    prepare: async (world) => {
      const { export: file } = await world.asOwner(
        `query($i: ExportInput!) { export(input: $i) { content } }`,
        { i: { organisationId: world.ids.organisation, format: 'WIF', workflowNumber: 5 } },
      );
      return { variables: { i: { organisationId: world.ids.organisation, document: file.content } } };
    },
  },
  {
    coordinate: 'Mutation.login',
    rule: 'PUBLIC',
    document: LOGIN,
    // A valid sign-in (a wrong password answers UNAUTHENTICATED to anyone); anonymous signs in as owner.
    prepare: async (world, persona) => ({
      variables: { email: (world.accountOf(persona) ?? world.users.owner).email, password: TEST_PASSWORD },
    }),
  },
  {
    coordinate: 'Mutation.logout',
    rule: 'PUBLIC',
    document: `mutation { logout }`,
    prepare: async (world, persona) => ({ as: await world.freshSessionOf(persona) }),
    exceptions: { anonymous: 'FALSE', share: 'FALSE' },
  },
  {
    coordinate: 'Mutation.endPresentation',
    rule: 'ORGANISATION',
    permission: 'PRESENT',
    document: `mutation($i: DeleteInput!) { endPresentation(input: $i) }`,
    prepare: async (world) => deleteInput(await world.freshPresentation()),
  },
  {
    coordinate: 'Mutation.movePresentation',
    rule: 'ORGANISATION',
    permission: 'PRESENT',
    document: `mutation($i: MovePresentationInput!) { movePresentation(input: $i) { id step } }`,
    prepare: async (world) => ({ variables: { i: { ...(await world.freshPresentation()), step: 2 } } }),
  },
  {
    coordinate: 'Mutation.startPresentation',
    rule: 'ORGANISATION',
    permission: 'PRESENT',
    document: START_PRESENTATION,
    prepare: async (world) => ({
      variables: {
        i: { organisationId: world.ids.organisation, mode: 'WORKFLOW', workflowNumber: 3, step: 2 },
      },
    }),
  },
  {
    coordinate: 'Mutation.rederiveProcedure',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: REDERIVE_PROCEDURE,
    prepare: async (world) => ({ variables: { i: { procedureId: world.ids.procedure } } }),
  },
  {
    coordinate: 'Mutation.removeMember',
    rule: 'ORGANISATION',
    permission: 'MANAGE',
    document: `mutation($i: DeleteInput!) { removeMember(input: $i) }`,
    prepare: async (world) => deleteInput(await world.freshMembership()),
  },
  {
    coordinate: 'Mutation.removeObsoleteStep',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: `mutation($i: DeleteInput!) { removeObsoleteStep(input: $i) { id } }`,
    prepare: async (world) => deleteInput(await world.freshObsoleteStep()),
  },
  {
    coordinate: 'Mutation.revokeApiToken',
    rule: 'SIGNED_IN',
    document: `mutation($i: RevokeApiTokenInput!) { revokeApiToken(input: $i) }`,
    prepare: async (world, persona) => ({ variables: { i: { id: await world.apiTokenOf(persona) } } }),
  },
  {
    coordinate: 'Mutation.updateActivity',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: `mutation($i: UpdateActivityInput!) { updateActivity(input: $i) { id } }`,
    prepare: async (world) => {
      const activity = await world.freshActivity();
      return { variables: { i: { ...activity, name: world.unique('Renamed activity') } } };
    },
  },
  {
    coordinate: 'Mutation.updateHandover',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: `mutation($i: UpdateHandoverInput!) { updateHandover(input: $i) { id } }`,
    prepare: async (world) => ({ variables: { i: { ...(await world.freshHandover()), callType: 'RISK' } } }),
  },
  {
    coordinate: 'Mutation.updateMember',
    rule: 'ORGANISATION',
    permission: 'MANAGE',
    document: `mutation($i: UpdateMemberInput!) { updateMember(input: $i) { id } }`,
    prepare: async (world) => ({
      variables: { i: { ...(await world.freshMembership()), role: 'ARCHITECT' } },
    }),
  },
  {
    coordinate: 'Mutation.arrangeCanvas',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: `mutation($i: ArrangeCanvasInput!) { arrangeCanvas(input: $i) { id } }`,
    prepare: async (world) => {
      const organisation = await world.currentVersion(world.ids.organisation);
      const columns = [['IMPROVE', 'AGREE'], ['RECOVER'], ['CHANGE', 'OPERATE']];
      return { variables: { i: { ...organisation, columns } } };
    },
  },
  {
    coordinate: 'Mutation.resetDemoOrganisation',
    rule: 'ORGANISATION',
    permission: 'PRESENT',
    document: `mutation($i: ResetDemoOrganisationInput!) { resetDemoOrganisation(input: $i) { id } }`,
    prepare: async (world) => ({
      variables: { i: await world.currentVersion(await world.demoOrganisation()) },
    }),
  },
  {
    coordinate: 'Mutation.updateOrganisation',
    rule: 'ORGANISATION',
    permission: 'MANAGE',
    document: `mutation($i: UpdateOrganisationInput!) { updateOrganisation(input: $i) { id } }`,
    prepare: async (world) => {
      const organisation = await world.currentVersion(world.ids.organisation);
      return { variables: { i: { ...organisation, name: world.unique('Matrix') } } };
    },
  },
  {
    coordinate: 'Mutation.updateProcedure',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: `mutation($i: UpdateProcedureInput!) { updateProcedure(input: $i) { id } }`,
    prepare: async (world) => {
      const { id, version } = await world.freshProcedure();
      return { variables: { i: { id, version, name: world.unique('Renamed procedure') } } };
    },
  },
  {
    coordinate: 'Mutation.updateProcess',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: `mutation($i: UpdateProcessInput!) { updateProcess(input: $i) { id } }`,
    prepare: async (world) => {
      const process = await world.currentVersion(world.ids.processes.RECOVER);
      return { variables: { i: { ...process, purpose: world.unique('Restore the service, take') } } };
    },
  },
  {
    coordinate: 'Mutation.updateRole',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: `mutation($i: UpdateRoleInput!) { updateRole(input: $i) { id } }`,
    prepare: async (world) => ({
      variables: { i: { ...(await world.freshRole()), name: world.unique('Renamed role') } },
    }),
  },
  {
    coordinate: 'Mutation.updateTool',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: `mutation($i: UpdateToolInput!) { updateTool(input: $i) { id } }`,
    prepare: async (world) => ({
      variables: { i: { ...(await world.freshTool()), name: world.unique('Renamed tool') } },
    }),
  },
  {
    coordinate: 'Mutation.updateWorkInstruction',
    rule: 'ORGANISATION',
    permission: 'WRITE',
    document: `mutation($i: UpdateWorkInstructionInput!) { updateWorkInstruction(input: $i) { id } }`,
    prepare: async (world) => ({
      variables: { i: { ...(await world.freshWorkInstruction()), text: 'Check the queue first.' } },
    }),
  },
];
