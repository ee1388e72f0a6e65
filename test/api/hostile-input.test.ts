import { readFileSync } from 'node:fs';
import http from 'node:http';
import fc from 'fast-check';
import pg from 'pg';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGlobalId, toGlobalId, type NodeTypeName } from '@usm/api/src/graphql/global-id';
import {
  ABSENT,
  currentVersion,
  hostileEnum,
  hostileInt,
  isRecipe,
  malformedId,
  oddText,
  oversizedRaci,
  oversizedText,
  pick,
  positionBeyondEnd,
  positionInRange,
  staleVersion,
  unknownId,
  validName,
  validRaci,
  validText,
  wrongTypeValue,
  type Owner,
  type PickRecipe,
  type Preference,
  type Recipe,
} from '../support/hostile-arbitraries';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { TEST_PASSWORD, startTestApi, type TestApi, type TestUser } from '../support/test-api';

/**
 * Hostile input, property-based (issue 4, item 6). Every mutation of the schema receives generated
 * values — odd and over-long unicode, NUL bytes, lone surrogates, SQL-looking text, unknown, malformed and
 * wrongly typed ids, ids of another organisation (ours and a stranger's), bad positions and versions,
 * oversized lists, wrong enum values and variables of the wrong type — mixed with valid ones, so that some
 * calls succeed and change the model. Each case is one HTTP request; after it:
 *  - no INTERNAL_SERVER_ERROR (nor HTTP 5xx, nor DATABASE_UNAVAILABLE: the database stays up), no SQL and
 *    no stack trace in any error message;
 *  - every error code is one documented in schema/error-codes.md, with the extensions documented there;
 *  - the database invariants hold: one SQL statement, run after every call that succeeded (only those can
 *    change the model) and after every tenth call, and over the whole database at the end of a property.
 *    Checking after every failed call too would add some 6,500 statements, about ten seconds.
 *
 * 10,000 cases in four properties that run concurrently, each on its own organisations. The API costs about
 * 8 ms of CPU per request, so the calls of two properties go to the product's own server process
 * (`tsx api/src/main.ts` on the same database) and those of the other two to startTestApi's in-process
 * server: both cores work, and the file takes about 80 s on two otherwise idle cores.
 *
 * A failure prints the fast-check seed and path; replay the failing case alone with
 *   HOSTILE_SEED=<seed> HOSTILE_PATH=<path> npx vitest run api/hostile-input.test.ts -t '<property>:'
 * (the generated calls replay exactly; the database they meet may differ slightly from the first run, as the
 * other properties no longer run beside it). HOSTILE_RUNS scales the number of cases (e.g. 0.1 or 5).
 */

const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
const MUTATION_FIELDS = schema.getMutationType()!.getFields();
const DOCUMENTED_CODES = new Set(
  [
    ...readFileSync(new URL('../../schema/error-codes.md', import.meta.url), 'utf8').matchAll(
      /^- \*\*`([A-Z_]+)`\*\*/gm,
    ),
  ].map((match) => match[1]!),
);

const SEED = process.env.HOSTILE_SEED ? Number(process.env.HOSTILE_SEED) : undefined;
const PATH = process.env.HOSTILE_PATH || undefined;
const RUNS_SCALE = Number(process.env.HOSTILE_RUNS ?? 1);

/**
 * Every mutation, with the type of object its `id` field names (when it has one). The first test checks
 * that this list is exactly the schema's Mutation type, so a new mutation cannot be forgotten here.
 */
interface MutationSpec {
  /** The node type of the input's `id` field. */
  id?: NodeTypeName;
  /** The valid pick for `id` prefers these objects (e.g. obsolete steps for removeObsoleteStep). */
  prefer?: Preference;
}

const MUTATIONS: Record<string, MutationSpec> = {
  addMember: {},
  arrangeCanvas: { id: 'Organisation' },
  assignResponsibility: {},
  assignRoleToProcess: {},
  assignToolToProcess: {},
  createActivity: {},
  createApiToken: {},
  createHandover: {},
  createOrganisation: {},
  createRole: {},
  createTool: {},
  createUser: {},
  deleteActivity: { id: 'Activity' },
  deleteHandover: { id: 'Handover' },
  deleteOrganisation: { id: 'Organisation' },
  deleteProcedure: { id: 'Procedure' },
  deleteRole: { id: 'Role' },
  deleteTool: { id: 'Tool' },
  deleteWorkInstruction: { id: 'WorkInstruction' },
  deriveProcedure: {},
  deriveWorkInstructions: {},
  endPresentation: { id: 'Presentation' },
  importModel: {},
  importWif: {},
  login: {},
  mapCoverage: {},
  logout: {},
  movePresentation: { id: 'Presentation' },
  rederiveProcedure: {},
  removeMember: { id: 'Membership' },
  removeObsoleteStep: { id: 'ProcedureStep', prefer: 'obsolete' },
  resetDemoOrganisation: { id: 'Organisation' },
  revokeApiToken: { id: 'ApiToken' },
  startPresentation: {},
  unmapCoverage: { id: 'CoverageMapping' },
  updateActivity: { id: 'Activity' },
  updateHandover: { id: 'Handover' },
  updateMember: { id: 'Membership' },
  updateOrganisation: { id: 'Organisation' },
  updateProcedure: { id: 'Procedure' },
  updateProcess: { id: 'Process' },
  updateRole: { id: 'Role' },
  updateTool: { id: 'Tool' },
  updateWorkInstruction: { id: 'WorkInstruction' },
};

/** The node type of every other ID field, by field name. */
const ID_FIELDS: Record<string, NodeTypeName> = {
  organisationId: 'Organisation',
  processId: 'Process',
  fromActivityId: 'Activity',
  stepId: 'ProcedureStep',
  roleId: 'Role',
  procedureId: 'Procedure',
  toolId: 'Tool',
  toolIds: 'Tool',
  activityId: 'Activity',
  workflowId: 'Workflow',
  userId: 'User',
};

/** What a String field holds, by field name (login's arguments included). */
const TEXT_FIELDS: Record<string, TextKind> = {
  name: 'name',
  description: 'description',
  purpose: 'description',
  text: 'text',
  email: 'email',
  password: 'password',
  itemKey: 'name',
  rationale: 'text',
  document: 'text',
};
type TextKind = 'name' | 'description' | 'text' | 'email' | 'password';

/** What an Int field holds, by field name. */
const INT_FIELDS = ['version', 'position', 'workflowNumber', 'step'] as const;
type IntKind = (typeof INT_FIELDS)[number];

/** A leaf of a mutation's arguments, classified by meaning. */
type Leaf =
  | { kind: 'id'; node: NodeTypeName; list: boolean; prefer: Preference }
  | { kind: 'int'; meaning: IntKind }
  | { kind: 'text'; meaning: TextKind }
  | { kind: 'enum'; values: string[]; list: boolean }
  | { kind: 'boolean' };

interface LeafField {
  name: string;
  leaf: Leaf;
  required: boolean;
}

/** An argument: an input object (its fields) or a single leaf (login's email and password). */
type ArgumentShape =
  | { name: string; typeName: string; required: boolean; fields: LeafField[] }
  | { name: string; required: boolean; leaf: Leaf };

function classifyLeaf(mutation: string, fieldName: string, type: GraphQLInputType): Leaf {
  const nullable = getNullableType(type);
  const list = isListType(nullable);
  const named = getNamedType(type);
  if (isEnumType(named)) return { kind: 'enum', values: named.getValues().map((value) => value.name), list };
  if (list && named.name !== 'ID') throw new Error(`${mutation}.${fieldName}: a list of ${named.name}`);
  switch (named.name) {
    case 'ID': {
      const node = fieldName === 'id' ? MUTATIONS[mutation]?.id : ID_FIELDS[fieldName];
      if (!node) throw new Error(`${mutation}.${fieldName}: an ID field of unknown node type`);
      const prefer = fieldName === 'id' ? (MUTATIONS[mutation]?.prefer ?? 'live') : 'live';
      return { kind: 'id', node, list, prefer };
    }
    case 'Int':
      if (!(INT_FIELDS as readonly string[]).includes(fieldName))
        throw new Error(`${mutation}.${fieldName}: an Int field of unknown meaning`);
      return { kind: 'int', meaning: fieldName as IntKind };
    case 'String': {
      const meaning = TEXT_FIELDS[fieldName];
      if (!meaning) throw new Error(`${mutation}.${fieldName}: a String field of unknown meaning`);
      return { kind: 'text', meaning };
    }
    case 'Boolean':
      return { kind: 'boolean' };
    default:
      throw new Error(`${mutation}.${fieldName}: unexpected input type ${named.name}`);
  }
}

function argumentShapes(mutation: string): ArgumentShape[] {
  return MUTATION_FIELDS[mutation]!.args.map((argument) => {
    const named = getNamedType(argument.type);
    const required = isNonNullType(argument.type);
    if (!isInputObjectType(named)) {
      return { name: argument.name, required, leaf: classifyLeaf(mutation, argument.name, argument.type) };
    }
    const fields = Object.values(named.getFields()).map((field) => {
      if (isInputObjectType(getNamedType(field.type)))
        throw new Error(`${mutation}: nested input object ${field.name}`);
      return {
        name: field.name,
        leaf: classifyLeaf(mutation, field.name, field.type),
        required: isNonNullType(field.type) && field.defaultValue === undefined,
      };
    });
    return { name: argument.name, typeName: named.name, required, fields };
  });
}

/** `mutation Hostile($input: X!) { m(input: $input) { …scalars, object { id } } }`, from the schema. */
const documents = new Map<string, string>();

function documentFor(mutation: string): string {
  const known = documents.get(mutation);
  if (known) return known;
  const field = MUTATION_FIELDS[mutation]!;
  const definitions = field.args.map((argument) => `$${argument.name}: ${argument.type.toString()}`);
  const uses = field.args.map((argument) => `${argument.name}: $${argument.name}`);
  const document =
    `mutation Hostile${definitions.length ? `(${definitions.join(', ')})` : ''} ` +
    `{ ${mutation}${uses.length ? `(${uses.join(', ')})` : ''}${selectionOf(field.type)} }`;
  documents.set(mutation, document);
  return document;
}

/**
 * A small selection: the object's identity and a few plain fields. Fields that compute (completeness,
 * out-of-date reasons, matrices) are left out: they cost time and are not about the input.
 */
const SELECTED_LEAVES = new Set(['id', 'version', 'name', 'token', 'position', 'deleted', 'key', 'callType']);
const SELECTED_OBJECTS = new Set(['apiToken', 'user', 'organisation', 'from']);

function selectionOf(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return '';
  const parts = ['__typename'];
  for (const field of Object.values(named.getFields())) {
    const inner = getNamedType(field.type);
    if (isLeafType(inner) && SELECTED_LEAVES.has(field.name)) parts.push(field.name);
    else if (isObjectType(inner) && SELECTED_OBJECTS.has(field.name)) parts.push(`${field.name} { id }`);
  }
  return ` { ${parts.join(' ')} }`;
}

// ---------------------------------------------------------------------------------------------------------
// Generated calls

type Profile = 'mixed' | 'ids' | 'types' | 'oversized';
type Primary = 'home' | 'sibling' | 'scratch';
/** Who sends the call: the administrator, except for logout (which would end the administrator's session). */
type Caller = 'admin' | { spareSession: number } | 'anonymous' | 'garbage-token';

interface Call {
  mutation: string;
  /** The organisation whose objects the valid values come from. */
  primary: Primary;
  scratchIndex: number;
  caller: Caller;
  args: Record<string, unknown>;
}

const KNOWN_EMAILS = ['admin@example.org', 'other@example.org', 'spare@example.org'];

function validLeaf(leaf: Leaf, mutation: string): fc.Arbitrary<unknown> {
  switch (leaf.kind) {
    case 'id': {
      const one =
        leaf.prefer === 'live'
          ? pick(leaf.node)
          : fc.oneof({ arbitrary: pick(leaf.node, 'primary', leaf.prefer), weight: 3 }, pick(leaf.node));
      return leaf.list ? fc.array(one, { maxLength: 3 }) : one;
    }
    case 'int':
      if (leaf.meaning === 'version') return currentVersion;
      if (leaf.meaning === 'position') return positionInRange;
      return fc.integer({ min: 1, max: 8 });
    case 'text':
      return validTextOf(leaf.meaning, mutation);
    case 'enum':
      return leaf.list ? validRaci : fc.constantFrom(...leaf.values);
    case 'boolean':
      return fc.boolean();
  }
}

function validTextOf(meaning: TextKind, mutation: string): fc.Arbitrary<string> {
  switch (meaning) {
    case 'name':
      return validName(mutation.replace(/^(create|update|derive)/, '') || 'Thing');
    case 'description':
    case 'text':
      return validText;
    case 'email':
      return mutation === 'login'
        ? fc.constantFrom(...KNOWN_EMAILS)
        : fc.nat({ max: 999_999 }).map((n) => `user${n}@example.org`);
    case 'password':
      return mutation === 'login'
        ? fc.constant(TEST_PASSWORD)
        : fc.string({ unit: 'grapheme', minLength: 10, maxLength: 40 });
  }
}

/** An id that must be refused: wrong type, another organisation's, deleted, unknown or malformed. */
function hostileId(node: NodeTypeName): fc.Arbitrary<unknown> {
  const otherTypes = (
    [
      'Organisation',
      'Process',
      'Activity',
      'Handover',
      'Workflow',
      'Role',
      'Tool',
      'Procedure',
      'ProcedureStep',
      'WorkInstruction',
      'Membership',
      'Presentation',
      'User',
      'ApiToken',
    ] as const
  ).filter((type) => type !== node);
  return fc.oneof(
    { arbitrary: fc.constantFrom(...otherTypes).chain((type) => pick(type, 'primary', 'any')), weight: 3 },
    { arbitrary: pick(node, 'foreign', 'any'), weight: 3 },
    { arbitrary: pick(node, 'other', 'any'), weight: 3 },
    { arbitrary: pick(node, 'primary', node === 'ProcedureStep' ? 'obsolete' : 'deleted'), weight: 1 },
    { arbitrary: unknownId(node), weight: 2 },
    { arbitrary: fc.constantFrom('Secret', 'Credential', 'app_user', '').chain(unknownId), weight: 1 },
    { arbitrary: malformedId(node), weight: 3 },
  );
}

function hostileLeaf(leaf: Leaf): fc.Arbitrary<unknown> {
  switch (leaf.kind) {
    case 'id':
      if (!leaf.list) return hostileId(leaf.node);
      return fc.oneof(
        fc.array(fc.oneof(hostileId(leaf.node), pick(leaf.node)), { minLength: 1, maxLength: 4 }),
        hostileId(leaf.node),
      );
    case 'int':
      if (leaf.meaning === 'version') return fc.oneof(staleVersion, hostileInt);
      if (leaf.meaning === 'position') return fc.oneof(positionBeyondEnd, hostileInt);
      return hostileInt;
    case 'text':
      return oddText;
    case 'enum':
      if (!leaf.list) return hostileEnum(leaf.values);
      return fc.oneof(
        fc.array(fc.oneof(hostileEnum(leaf.values), fc.constantFrom(...leaf.values), fc.constant(null)), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.constantFrom(...leaf.values),
        hostileEnum(leaf.values),
      );
    case 'boolean':
      return wrongTypeValue('boolean');
  }
}

function wrongTypeLeaf(leaf: Leaf): fc.Arbitrary<unknown> {
  const scalar =
    leaf.kind === 'text' ? 'string' : leaf.kind === 'int' ? 'int' : leaf.kind === 'id' ? 'id' : leaf.kind;
  return fc.oneof(wrongTypeValue(scalar), fc.constant(null));
}

function oversizedLeaf(leaf: Leaf): fc.Arbitrary<unknown> {
  switch (leaf.kind) {
    case 'id':
      if (!leaf.list)
        return fc.oneof(
          oversizedText,
          malformedId(leaf.node).map((id) => String(id).repeat(5_000)),
        );
      return fc.oneof(
        pick(leaf.node).map((recipe) => Array.from({ length: 5_000 }, () => recipe)),
        fc
          .uuid({ version: 4 })
          .map((uuid) =>
            Array.from({ length: 5_000 }, (_, index) =>
              toGlobalId(leaf.node, `${uuid.slice(0, -8)}${index.toString(16).padStart(8, '0')}`),
            ),
          ),
        fc.constant(Array.from({ length: 5_000 }, (_, index) => `not-an-id-${index}`)),
      );
    case 'enum':
      return leaf.list ? oversizedRaci : oversizedText;
    case 'int':
      return fc.constantFrom(1e308, -1e308, Number.MAX_VALUE);
    case 'text':
    case 'boolean':
      return oversizedText;
  }
}

/** How one field is generated in each profile. */
function fieldArbitrary(field: LeafField, mutation: string, profile: Profile): fc.Arbitrary<unknown> {
  const { leaf, required } = field;
  const valid = validLeaf(leaf, mutation);
  // Optional fields are often left out (e.g. no description, append at the end, one source of two).
  const missing = required ? fc.constantFrom<unknown>(ABSENT, null) : fc.constant<unknown>(ABSENT);
  const usual = required
    ? valid
    : fc.oneof({ arbitrary: valid, weight: 2 }, { arbitrary: missing, weight: 1 });
  switch (profile) {
    case 'mixed':
      return fc.oneof(
        { arbitrary: valid, weight: 12 },
        { arbitrary: hostileLeaf(leaf), weight: 5 },
        { arbitrary: wrongTypeLeaf(leaf), weight: 1 },
        { arbitrary: missing, weight: required ? 1 : 4 },
      );
    case 'ids':
      if (leaf.kind !== 'id') return usual;
      return fc.oneof(
        { arbitrary: valid, weight: 1 },
        { arbitrary: hostileLeaf(leaf), weight: 4 },
        { arbitrary: wrongTypeLeaf(leaf), weight: 1 },
      );
    case 'types':
      if (leaf.kind === 'id') return fc.oneof({ arbitrary: valid, weight: 6 }, wrongTypeLeaf(leaf));
      return fc.oneof(
        { arbitrary: valid, weight: 2 },
        { arbitrary: hostileLeaf(leaf), weight: 2 },
        { arbitrary: wrongTypeLeaf(leaf), weight: 2 },
        { arbitrary: missing, weight: 1 },
      );
    case 'oversized':
      return usual;
  }
}

function argumentArbitrary(shape: ArgumentShape, mutation: string, profile: Profile): fc.Arbitrary<unknown> {
  if ('leaf' in shape) {
    const field = { name: shape.name, leaf: shape.leaf, required: shape.required };
    if (profile === 'oversized')
      return fc.oneof(fieldArbitrary(field, mutation, profile), oversizedLeaf(shape.leaf));
    return fieldArbitrary(field, mutation, profile);
  }
  const fields = Object.fromEntries(
    shape.fields.map((field) => [field.name, fieldArbitrary(field, mutation, profile)]),
  );
  const object = fc.record(fields);
  if (profile === 'oversized') {
    // Exactly one field oversized, the others as usual.
    return fc.tuple(object, fc.nat({ max: shape.fields.length - 1 })).chain(([values, index]) =>
      oversizedLeaf(shape.fields[index]!.leaf).map((big) => ({
        ...values,
        [shape.fields[index]!.name]: big,
      })),
    );
  }
  if (profile !== 'types') return object;
  // The input variable itself of the wrong shape: null, a scalar, a list, an unknown field, nothing.
  return fc.oneof(
    { arbitrary: object, weight: 10 },
    { arbitrary: fc.constantFrom<unknown>(null, 'input', 42, [], {}, ABSENT), weight: 1 },
    { arbitrary: object.map((values) => [values]), weight: 1 },
    { arbitrary: object.map((values) => ({ ...values, bogus: 'x' })), weight: 1 },
  );
}

function callArbitrary(profile: Profile): fc.Arbitrary<Call> {
  const perMutation = Object.keys(MUTATIONS).map((mutation) => {
    const shapes = argumentShapes(mutation);
    const args = fc.record(
      Object.fromEntries(shapes.map((shape) => [shape.name, argumentArbitrary(shape, mutation, profile)])),
    );
    const caller: fc.Arbitrary<Caller> =
      mutation === 'logout'
        ? fc.oneof(
            fc.nat({ max: 1000 }).map((index) => ({ spareSession: index })),
            fc.constantFrom<Caller>('anonymous', 'garbage-token'),
          )
        : fc.constant<Caller>('admin');
    return fc
      .record({
        mutation: fc.constant(mutation),
        primary: fc.constantFrom<Primary>('home', 'home', 'home', 'sibling', 'scratch'),
        scratchIndex: fc.nat({ max: 1000 }),
        caller,
        args,
      })
      .map((call) =>
        // Counterexamples print with long strings and lists shortened (some are 1 MB).
        Object.defineProperty(call, fc.toStringMethod, { value: () => JSON.stringify(abbreviate(call)) }),
      );
  });
  return fc.oneof(...perMutation);
}

// ---------------------------------------------------------------------------------------------------------
// The database: what exists (to resolve recipes) and the invariants

interface PoolEntry {
  type: string;
  stored: string;
  version: number;
  org: string | null;
  parent: string | null;
  flag: string | null;
  /** The global id, made when first needed. */
  global?: string;
}

/**
 * The organisations a property works in: its own two, the stranger's, and the three newest scratch ones
 * (organisations the calls created). Keeps the pool and the invariant checks small while the calls create
 * organisations, and keeps concurrent properties apart. Parameters: $1 the property's and the stranger's
 * organisations, $2 the administrator, $3 the reserved organisations (no scratch ones).
 */
const SCOPE = `
with scope as (
  select unnest($1::uuid[]) as id
  union
  select id from (
    select o.id from organisation o
      join membership m on m.organisation_id = o.id and m.user_id = $2 and m.role = 'OWNER'
    where not (o.id = any($3::uuid[]))
    order by o.created_at desc limit 3
  ) newest
)`;

/** The objects the calls pick from, in a stable order, with their versions and what the recipes need. */
const POOL_SQL = `${SCOPE}
select type, id::text as stored, version, org::text as org, parent, flag from (
  select 'Organisation' as type, o.id, o.version, o.id as org, null::text as parent,
    (select m.role from membership m where m.organisation_id = o.id and m.user_id = $2) as flag,
    o.created_at::text || o.name as sort
  from organisation o where o.id in (select id from scope)
  union all
  select 'Process', p.id, p.version, p.organisation_id, p.key, null, p.key
  from process p where p.organisation_id in (select id from scope)
  union all
  select 'Activity', a.id, a.version, a.organisation_id, a.process_id::text,
    case when a.deleted_at is null then 'live' else 'deleted' end,
    p.key || (a.deleted_at is not null)::text || lpad(a.position::text, 11, '0') || a.created_at::text
  from activity a join process p on p.id = a.process_id where a.organisation_id in (select id from scope)
  union all
  select 'Handover', h.id, h.version, h.organisation_id, null, null,
    p.key || lpad(a.position::text, 11, '0') || h.call_type || h.kind
  from handover h join activity a on a.id = h.from_activity_id join process p on p.id = a.process_id
  where h.organisation_id in (select id from scope)
  union all
  select 'Role', r.id, r.version, r.organisation_id, null, null, lower(r.name) || r.name
  from role r where r.organisation_id in (select id from scope)
  union all
  select 'Tool', t.id, t.version, t.organisation_id, null, null, lower(t.name) || t.name
  from tool t where t.organisation_id in (select id from scope)
  union all
  select 'Workflow', w.id, w.version, w.organisation_id, null, null, lpad(w.number::text, 2, '0')
  from workflow w where w.organisation_id in (select id from scope)
  union all
  select 'Procedure', p.id, p.version, p.organisation_id, null, null, p.created_at::text || p.name
  from procedure p where p.organisation_id in (select id from scope)
  union all
  select 'ProcedureStep', s.id, s.version, s.organisation_id, s.procedure_id::text,
    case when s.obsolete then 'obsolete' else 'live' end,
    p.created_at::text || p.id::text || lpad(s.position::text, 11, '0')
  from procedure_step s join procedure p on p.id = s.procedure_id
  where s.organisation_id in (select id from scope)
  union all
  select 'WorkInstruction', w.id, w.version, w.organisation_id, null, null,
    p.created_at::text || p.id::text || lpad(s.position::text, 11, '0') || r.name
  from work_instruction w join procedure p on p.id = w.procedure_id
    join procedure_step s on s.id = w.step_id join role r on r.id = w.role_id
  where w.organisation_id in (select id from scope)
  union all
  select 'Membership', m.id, m.version, m.organisation_id, m.user_id::text,
    case when m.user_id = $2 then 'admin' else null end, u.email
  from membership m join app_user u on u.id = m.user_id where m.organisation_id in (select id from scope)
  union all
  select 'CoverageMapping', c.id, c.version, c.organisation_id, null, null, c.created_at::text || c.id::text
  from coverage_mapping c where c.organisation_id in (select id from scope)
  union all
  select 'Presentation', p.id, p.version, p.organisation_id, null,
    case when p.ended_at is null then 'live' else 'ended' end, p.created_at::text
  from presentation p where p.organisation_id in (select id from scope)
  union all
  select 'User', u.id, u.version, null, null, null, u.email from app_user u
  union all
  select 'ApiToken', c.id, c.version, null, c.user_id::text,
    case when c.revoked_at is null then 'live' else 'revoked' end, c.created_at::text || c.name
  from credential c where c.kind = 'API_TOKEN'
) pool
order by type, sort, id`;

/**
 * The invariants, one row per violation, within the scope (`in scope` is replaced by `true` for the final
 * check of the whole database). Beyond the four of the issue (one Accountable per step, contiguous
 * activity and step positions, no cross-organisation reference) it checks two more documented rules: no
 * responsibility without letters ("[] removes the role") and one OWNER always stays.
 */
const INVARIANTS = `
select 'more than one Accountable (A) on a procedure step' as problem, step_id::text as subject
  from responsibility r where 'A' = any(raci) and r.organisation_id in scope
  group by step_id having count(*) > 1
union all
select 'responsibility without letters or with a repeated letter', id::text
  from responsibility r
  where r.organisation_id in scope
    and (cardinality(r.raci) = 0 or cardinality(r.raci) <> (select count(distinct l) from unnest(r.raci) l))
union all
select 'live activity positions of a process are not 1..n', process_id::text
  from activity a where a.deleted_at is null and a.organisation_id in scope group by process_id
  having min(position) <> 1 or max(position) <> count(*) or count(distinct position) <> count(*)
union all
select 'procedure step positions are not 1..n', procedure_id::text
  from procedure_step s where s.organisation_id in scope group by procedure_id
  having min(position) <> 1 or max(position) <> count(*) or count(distinct position) <> count(*)
union all
select 'activity.process in another organisation', a.id::text
  from activity a join process p on p.id = a.process_id
  where a.organisation_id in scope and p.organisation_id <> a.organisation_id
union all
select 'handover.from_activity in another organisation', h.id::text
  from handover h join activity a on a.id = h.from_activity_id
  where h.organisation_id in scope and a.organisation_id <> h.organisation_id
union all
select 'procedure_step.activity or .procedure in another organisation', s.id::text
  from procedure_step s join activity a on a.id = s.activity_id join procedure p on p.id = s.procedure_id
  where s.organisation_id in scope
    and (a.organisation_id <> s.organisation_id or p.organisation_id <> s.organisation_id)
union all
select 'procedure.source_workflow in another organisation', p.id::text
  from procedure p join workflow w on w.id = p.source_workflow_id
  where p.organisation_id in scope and w.organisation_id <> p.organisation_id
union all
select 'responsibility.role or .step in another organisation', r.id::text
  from responsibility r join role ro on ro.id = r.role_id join procedure_step s on s.id = r.step_id
  where r.organisation_id in scope
    and (ro.organisation_id <> r.organisation_id or s.organisation_id <> r.organisation_id)
union all
select 'work_instruction.role, .step or .procedure in another organisation (or another procedure''s step)',
    w.id::text
  from work_instruction w join role ro on ro.id = w.role_id join procedure_step s on s.id = w.step_id
    join procedure p on p.id = w.procedure_id
  where w.organisation_id in scope
    and (ro.organisation_id <> w.organisation_id or s.organisation_id <> w.organisation_id
      or p.organisation_id <> w.organisation_id or s.procedure_id <> w.procedure_id)
union all
select 'work_instruction_tool.tool in another organisation',
    wit.work_instruction_id::text || ' / ' || wit.tool_id::text
  from work_instruction_tool wit join work_instruction w on w.id = wit.work_instruction_id
    join tool t on t.id = wit.tool_id
  where w.organisation_id in scope and t.organisation_id <> w.organisation_id
union all
select 'coverage_mapping.activity or .workflow in another organisation, or not exactly one of them', c.id::text
  from coverage_mapping c left join activity a on a.id = c.activity_id left join workflow w on w.id = c.workflow_id
  where c.organisation_id in scope
    and ((a.id is null) = (w.id is null) or a.organisation_id <> c.organisation_id
      or w.organisation_id <> c.organisation_id)
union all
select 'organisation without an OWNER', o.id::text
  from organisation o
  where o.id in scope
    and not exists (select 1 from membership m where m.organisation_id = o.id and m.role = 'OWNER')`;

const SCOPED_INVARIANTS_SQL = `${SCOPE}\n${INVARIANTS.replaceAll(' in scope', ' in (select id from scope)')}`;
const ALL_INVARIANTS_SQL = INVARIANTS.replaceAll(/\S+ in scope/g, 'true');

interface World {
  label: string;
  home: string;
  sibling: string;
  /** The GraphQL endpoint this property's calls go to. */
  graphqlUrl: string;
}

let api: TestApi;
/** The product's own server (`tsx api/src/main.ts`) on the same database: the generated calls go there. */
let server: ServerProcess;
let other: TestUser;
let spare: TestUser;
let foreignOrganisation: string;
const spareSessions: TestUser[] = [];
/** Home and sibling organisations of every property: never deleted, the administrator stays their OWNER. */
const reservedOrganisations = new Set<string>();

class Pool {
  private byType = new Map<string, PoolEntry[]>();
  private byStoredId = new Map<string, PoolEntry>();
  private liveActivities = new Map<string, number>();

  constructor(private readonly world: World) {}

  async refresh(): Promise<void> {
    const rows = await sql<PoolEntry>('hostile-pool', POOL_SQL, scopeParameters(this.world));
    this.byType.clear();
    this.byStoredId.clear();
    this.liveActivities.clear();
    for (const entry of rows) {
      (this.byType.get(entry.type) ?? this.byType.set(entry.type, []).get(entry.type)!).push(entry);
      this.byStoredId.set(entry.stored, entry);
      if (entry.type === 'Activity' && entry.flag === 'live') {
        this.liveActivities.set(entry.parent!, (this.liveActivities.get(entry.parent!) ?? 0) + 1);
      }
    }
  }

  entries(type: string): PoolEntry[] {
    return this.byType.get(type) ?? [];
  }

  /** The entry a global id sent in a call names, if it names one. */
  find(globalId: unknown): PoolEntry | undefined {
    const parsed = typeof globalId === 'string' ? parseGlobalId(globalId) : null;
    const entry = parsed ? this.byStoredId.get(parsed.storedId) : undefined;
    return entry && entry.type === parsed!.type ? entry : undefined;
  }

  static globalId(entry: PoolEntry): string {
    return (entry.global ??= toGlobalId(entry.type as NodeTypeName, entry.stored));
  }

  liveActivitiesOf(processStoredId: string): number {
    return this.liveActivities.get(processStoredId) ?? 0;
  }
}

function scopeParameters(world: World): string[] {
  const asArray = (ids: string[]) => `{${ids.join(',')}}`;
  return [
    asArray([world.home, world.sibling, foreignOrganisation]),
    stored(api.admin.id),
    asArray([...reservedOrganisations]),
  ];
}

function stored(globalId: string): string {
  const parsed = parseGlobalId(globalId);
  if (!parsed) throw new Error(`Not a global id: ${globalId}`);
  return parsed.storedId;
}

/** Turns the recipes of a call into concrete variables, from the current database contents. */
function resolveCall(call: Call, world: World, pool: Pool): Record<string, unknown> {
  const scratch = pool
    .entries('Organisation')
    .filter((entry) => entry.flag === 'OWNER' && !reservedOrganisations.has(entry.stored));
  const primary =
    call.primary === 'home'
      ? world.home
      : call.primary === 'sibling' || scratch.length === 0
        ? world.sibling
        : scratch[call.scratchIndex % scratch.length]!.stored;
  const organisationsOf = (owner: Owner): string[] =>
    owner === 'primary'
      ? [primary]
      : owner === 'foreign'
        ? [foreignOrganisation]
        : [world.home, world.sibling].filter((id) => id !== primary);
  const adminId = stored(api.admin.id);

  const resolvePick = (recipe: PickRecipe): string => {
    let candidates = pool.entries(recipe.type);
    if (recipe.type === 'ApiToken') {
      candidates = candidates.filter((entry) => (entry.parent === adminId) === (recipe.owner !== 'foreign'));
    } else if (recipe.type !== 'User') {
      const organisations = organisationsOf(recipe.owner);
      candidates = candidates.filter((entry) => entry.org !== null && organisations.includes(entry.org));
    }
    const preferred =
      recipe.prefer === 'any'
        ? candidates
        : candidates.filter(
            (entry) => entry.flag === recipe.prefer || (recipe.prefer === 'live' && !entry.flag),
          );
    const list = preferred.length > 0 ? preferred : candidates;
    if (list.length === 0) return toGlobalId(recipe.type as NodeTypeName, uuidOf(recipe.index));
    return Pool.globalId(list[recipe.index % list.length]!);
  };

  const resolveValue = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolveValue);
    if (isRecipe(value)) {
      if (value.$ === 'pick') return resolvePick(value);
      if (value.$ === 'unknown') return Buffer.from(`${value.type}:${value.uuid}`).toString('base64url');
      return value; // version, position and absent: resolved with their input object
    }
    if (typeof value === 'object' && value !== null) {
      // Object.fromEntries keeps a key named __proto__ as an own property (it is sent as one).
      const first = Object.fromEntries(
        Object.entries(value).map(([key, field]) => [key, resolveValue(field)] as const),
      );
      return Object.fromEntries(
        Object.entries(first).flatMap(([key, field]): [string, unknown][] => {
          if (!isRecipe(field)) return [[key, field]];
          if (field.$ === 'absent') return [];
          if (field.$ === 'version') return [[key, versionFor(call.mutation, first, field.delta)]];
          if (field.$ === 'position') return [[key, positionFor(call.mutation, first, field)]];
          return [[key, field]];
        }),
      );
    }
    return value;
  };

  const versionFor = (mutation: string, input: Record<string, unknown>, delta: number): number => {
    const entry = pool.find(input.id ?? input.stepId);
    const version = (entry?.version ?? 1) + delta;
    // The administrator keeps the reserved organisations and their OWNER role: those edits stay stale.
    const reserved =
      entry &&
      ((mutation === 'deleteOrganisation' && reservedOrganisations.has(entry.stored)) ||
        ((mutation === 'updateMember' || mutation === 'removeMember') &&
          entry.flag === 'admin' &&
          reservedOrganisations.has(entry.org!)));
    return delta === 0 && reserved ? version + 1000 : version;
  };

  const positionFor = (
    mutation: string,
    input: Record<string, unknown>,
    recipe: Extract<Recipe, { $: 'position' }>,
  ): number => {
    let max = 1;
    if (mutation === 'createActivity') {
      const process = pool.find(input.processId);
      if (process?.type === 'Process') max = pool.liveActivitiesOf(process.stored) + 1;
    } else {
      const activity = pool.find(input.id);
      if (activity?.type === 'Activity') max = Math.max(1, pool.liveActivitiesOf(activity.parent!));
    }
    return recipe.beyond > 0 ? max + recipe.beyond : (recipe.index % max) + 1;
  };

  const variables: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(call.args)) {
    const resolved = resolveValue(value);
    if (!(isRecipe(resolved) && resolved.$ === 'absent')) variables[name] = resolved;
  }
  return variables;
}

function uuidOf(index: number): string {
  return `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

// ---------------------------------------------------------------------------------------------------------
// One call and its checks

interface Answer {
  status: number;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: GraphQLErrorBody[] } | null;
}

interface GraphQLErrorBody {
  message: string;
  path?: unknown[];
  extensions?: Record<string, unknown>;
}

async function send(call: Call, variables: Record<string, unknown>, graphqlUrl: string): Promise<Answer> {
  let token: string | null = api.admin.token;
  if (call.caller === 'anonymous') token = null;
  else if (call.caller === 'garbage-token') token = 'usm_not-a-real-secret';
  else if (typeof call.caller === 'object') {
    token = spareSessions[call.caller.spareSession % spareSessions.length]!.token;
  }
  const { status, text } = await post(
    graphqlUrl,
    JSON.stringify({ query: documentFor(call.mutation), variables }),
    token,
  );
  let body: Answer['body'] = null;
  try {
    body = JSON.parse(text) as Answer['body'];
  } catch {
    body = null;
  }
  return { status, text, body };
}

/** node:http with keep-alive: a third of the client's cost of fetch, which matters over 10,000 requests. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

function post(url: string, payload: string, token: string | null): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** Driver errors, SQL statements and database object names: none may reach a client. */
const SQL_LEAK =
  /\b(select\s+[\w"*.,\s]+\s+from\s|insert\s+into\s|update\s+"?\w+"?\s+set\s|delete\s+from\s|returning\s+"|violates\s+[\w\s-]*constraint|duplicate key value|invalid input syntax|syntax error at or near|invalid byte sequence|invalid message format|relation\s+"|column\s+"|DriverException|QueryFailedError|SQLSTATE|knex|mikro-?orm|pg_\w+)/i;
const STACK_LEAK =
  /(\n\s*at\s+\S|\bat\s+[\w$.<>]+\s+\([^)]*:\d+:\d+\)|\.(?:ts|js|mjs|cjs):\d+|node_modules|node:internal|\/work\/)/i;

/**
 * Texts sent in calls that succeeded: names the API may quote later ("SELECT * FROM x has 8 activities").
 * Up to 4,000 characters, the longest a stored name or description can be.
 */
const storedTexts = new Set<string>();

/** Messages may quote the input back ("'…' is not a valid id"); that is not a leak, so it is cut first. */
function withoutEcho(message: string, sent: readonly string[]): string {
  let rest = message;
  for (const value of [...new Set(sent)].sort((a, b) => b.length - a.length)) {
    for (const form of new Set([
      value,
      JSON.stringify(value).slice(1, -1),
      value.slice(0, 80),
      value.trim(),
    ])) {
      if (form.length >= 3) rest = rest.split(form).join('…');
    }
  }
  return rest;
}

function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) value.forEach((item) => stringsIn(item, into));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      into.push(key);
      stringsIn(item, into);
    }
  }
  return into;
}

function problemsOf(answer: Answer, variables: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`HTTP status ${answer.status}`);
  if (!answer.body) return [...problems, 'the response is not JSON'];
  const errors = answer.body.errors ?? [];
  if (errors.length === 0 && answer.body.data == null) problems.push('neither data nor errors');
  for (const error of errors) {
    const extensions = error.extensions ?? {};
    const code = extensions.code;
    if (typeof code !== 'string') problems.push('an error without extensions.code');
    else if (code === 'INTERNAL_SERVER_ERROR') problems.push('INTERNAL_SERVER_ERROR');
    else if (!DOCUMENTED_CODES.has(code)) problems.push(`the code ${code} is not in schema/error-codes.md`);
    // The database stays up during this test: a "connection lost" answer is an input the API failed to refuse.
    if (code === 'DATABASE_UNAVAILABLE') problems.push('DATABASE_UNAVAILABLE although the database is up');
    if (code === 'BAD_USER_INPUT' && typeof extensions.field !== 'string')
      problems.push('BAD_USER_INPUT without extensions.field');
    if (code === 'NOT_FOUND' && typeof extensions.type !== 'string')
      problems.push('NOT_FOUND without extensions.type');
    if (code === 'CONFLICT' && !('currentVersion' in extensions))
      problems.push('CONFLICT without extensions.currentVersion');
    if ('stacktrace' in extensions || 'exception' in extensions) problems.push('a stack trace in extensions');
    const raw = String(error.message);
    if (!SQL_LEAK.test(raw) && !STACK_LEAK.test(raw)) continue;
    const message = withoutEcho(raw, [...stringsIn(variables), ...storedTexts]);
    if (SQL_LEAK.test(message)) problems.push(`SQL in the message: ${SQL_LEAK.exec(message)![0]}`);
    if (STACK_LEAK.test(message))
      problems.push(`a stack trace in the message: ${STACK_LEAK.exec(message)![0]}`);
  }
  return problems;
}

/** Long strings and lists shortened, control characters visible: a readable counterexample. */
function abbreviate(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.length > 120
      ? `${value.slice(0, 60)}…(${value.length} UTF-16 units)…${value.slice(-20)}`
      : value;
  }
  if (Array.isArray(value)) {
    const shown = value.slice(0, 6).map(abbreviate);
    return value.length > 6 ? [...shown, `…(${value.length} items)`] : shown;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, abbreviate(item)]));
  }
  return value;
}

function describeCall(call: Call, variables: Record<string, unknown>, answer: Answer | null): string {
  const lines = [
    `mutation: ${call.mutation} (as ${typeof call.caller === 'object' ? 'a spare session' : call.caller})`,
    `variables: ${JSON.stringify(abbreviate(variables))}`,
  ];
  if (answer) {
    const body = answer.body ? JSON.stringify(abbreviate(answer.body)) : abbreviate(answer.text);
    lines.push(`response: HTTP ${answer.status} ${String(body).slice(0, 1500)}`);
  }
  return lines.join('\n');
}

/**
 * The test's own SQL runs on its own connections as named prepared statements: these checks run thousands
 * of times, and planning the long statements each time would cost as much as running them.
 */
let sqlPool: pg.Pool;

async function sql<T>(name: string, text: string, values: unknown[]): Promise<T[]> {
  return (await sqlPool.query({ name, text, values })).rows as T[];
}

/** Violations seen once are not reported again: the failing call, not a later one, is the counterexample. */
const knownViolations = new Set<string>();

async function newViolations(world: World | null): Promise<string[]> {
  const rows = world
    ? await sql<{ problem: string; subject: string }>(
        'hostile-invariants',
        SCOPED_INVARIANTS_SQL,
        scopeParameters(world),
      )
    : await sql<{ problem: string; subject: string }>('hostile-all-invariants', ALL_INVARIANTS_SQL, []);
  const fresh = rows
    .map((row) => `${row.problem}: ${row.subject}`)
    .filter((row) => !knownViolations.has(row));
  fresh.forEach((row) => knownViolations.add(row));
  return fresh;
}

interface Tally {
  cases: number;
  succeeded: number;
  codes: Map<string, number>;
}

/** What the server process logged for an INTERNAL_SERVER_ERROR (the in-process API logs to the console). */
function serverLogOf(answer: Answer): string | undefined {
  const requestId = answer.body?.errors?.find((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR')
    ?.extensions?.requestId;
  if (typeof requestId !== 'string') return undefined;
  const line = server
    .output()
    .split('\n')
    .find((candidate) => candidate.includes(requestId) && candidate.startsWith('{'));
  if (!line) return undefined;
  try {
    const { err } = JSON.parse(line) as { err?: { type?: string; message?: string } };
    return `${err?.type}: ${String(err?.message).slice(0, 500)}`;
  } catch {
    return line.slice(0, 500);
  }
}

/** The last calls of all properties (they run concurrently): a broken invariant lists them. */
const recentCalls: (() => string)[] = [];
const lastCalls = () => recentCalls.map((describe) => describe()).join('\n');

async function runCall(call: Call, world: World, pool: Pool, tally: Tally): Promise<void> {
  const variables = resolveCall(call, world, pool);
  const answer = await send(call, variables, world.graphqlUrl);
  const problems = problemsOf(answer, variables);
  const succeeded = !!answer.body && !answer.body.errors?.length;
  tally.cases += 1;
  if (succeeded) tally.succeeded += 1;
  for (const error of answer.body?.errors ?? []) {
    const code = String(error.extensions?.code);
    tally.codes.set(code, (tally.codes.get(code) ?? 0) + 1);
  }
  const description = () => describeCall(call, variables, answer);
  recentCalls.push(() => `[${world.label}] ${description()}`);
  if (recentCalls.length > 8) recentCalls.shift();
  // The invariants are checked after every call that succeeded (it may have changed the model) and after
  // every tenth call (a failed one must change nothing; checking after each would cost some ten seconds).
  // checkProperty checks them once more, over the whole database, at the end.
  if (succeeded || tally.cases % 10 === 0) {
    const violations = await newViolations(world);
    if (violations.length > 0) {
      problems.push(
        `invariant broken: ${violations.join('; ')}\nThe last calls of all properties, newest last:\n` +
          lastCalls(),
      );
    }
  }
  if (succeeded) stringsIn(variables).forEach((text) => text.length <= 4_000 && storedTexts.add(text));
  if (succeeded && call.mutation !== 'login' && call.mutation !== 'logout') await pool.refresh();
  if (problems.length > 0) {
    const logged = serverLogOf(answer);
    const error = new Error(
      `${problems.join('; ')}\n${description()}${logged ? `\nserver log: ${logged}` : ''}`,
    );
    error.stack = `Error: ${error.message}`; // fast-check prints the error; the stack is fast-check's own
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Setup: three users, a stranger's organisation, and per property a home and a sibling organisation

const CREATE_ORGANISATION = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;

/** An organisation with procedures, responsibilities, a tool, work instructions, an obsolete step and a member. */
async function seedOrganisation(owner: TestUser, name: string): Promise<string> {
  const as = <T = any>(query: string, variables: Record<string, unknown>) =>
    api.queryAs<T>(owner, query, variables);
  const organisationId = (await as(CREATE_ORGANISATION, { input: { name } })).createOrganisation.id as string;
  const { organisation } = await as(
    `query($id: ID!) { organisation(id: $id) { roles { id } processes { key activities { id version } } } }`,
    { id: organisationId },
  );
  const derive = `mutation($input: DeriveProcedureInput!) { deriveProcedure(input: $input) { id steps { id } } }`;
  const procedure = (await as(derive, { input: { organisationId, processKey: 'OPERATE' } })).deriveProcedure;
  await as(derive, { input: { organisationId, workflowNumber: 2 } });
  const [first, second] = organisation.roles as { id: string }[];
  await as(`mutation($input: AssignRoleToProcessInput!) { assignRoleToProcess(input: $input) { id } }`, {
    input: { procedureId: procedure.id, processKey: 'OPERATE', roleId: first!.id, raci: ['R'] },
  });
  await as(`mutation($input: AssignResponsibilityInput!) { assignResponsibility(input: $input) { id } }`, {
    input: { stepId: procedure.steps[0].id, roleId: second!.id, raci: ['A', 'I'] },
  });
  const tool = (
    await as(`mutation($input: CreateToolInput!) { createTool(input: $input) { id } }`, {
      input: { organisationId, name: 'Ticket system' },
    })
  ).createTool;
  await as(
    `mutation($input: DeriveWorkInstructionsInput!) { deriveWorkInstructions(input: $input) { id } }`,
    {
      input: { procedureId: procedure.id, toolId: tool.id },
    },
  );
  const operate = (
    organisation.processes as { key: string; activities: { id: string; version: number }[] }[]
  ).find((process) => process.key === 'OPERATE')!.activities[1]!;
  await as(`mutation($input: DeleteInput!) { deleteActivity(input: $input) }`, {
    input: { id: operate.id, version: operate.version },
  });
  await as(`mutation($input: RederiveProcedureInput!) { rederiveProcedure(input: $input) { id } }`, {
    input: { procedureId: procedure.id },
  });
  await as(`mutation($input: AddMemberInput!) { addMember(input: $input) { id } }`, {
    input: { organisationId, userId: spare.id, role: 'VIEWER' },
  });
  return stored(organisationId);
}

/**
 * The properties run at once, and another property's hostile calls may delete an organisation of the
 * administrator's while it is still being seeded (before it is reserved); the API then answers CONFLICT
 * or NOT_FOUND, correctly. Seeding simply starts again with a new organisation.
 */
async function seedReliably(label: string): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await seedOrganisation(api.admin, label);
    } catch (error) {
      if (attempt >= 5 || !/"(CONFLICT|NOT_FOUND)"/.test(String(error))) throw error;
    }
  }
}

async function createWorld(label: string, graphqlUrl: string): Promise<World> {
  const world = {
    label,
    graphqlUrl,
    home: await seedReliably(`${label}: home`),
    sibling: await seedReliably(`${label}: sibling`),
  };
  reservedOrganisations.add(world.home);
  reservedOrganisations.add(world.sibling);
  await seedReliably(`${label}: scratch`);
  return world;
}

beforeAll(async () => {
  api = await startTestApi();
  const databaseUrl = String(api.database.orm.config.get('clientUrl'));
  sqlPool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  server = await startServerProcess({ DATABASE_URL: databaseUrl });
  other = await api.createUser('other@example.org');
  spare = await api.createUser('spare@example.org');
  for (let index = 0; index < 12; index += 1) {
    const { login } = await api.queryAs(null, LOGIN, { email: spare.email, password: TEST_PASSWORD });
    spareSessions.push({ ...spare, token: login.token });
  }
  const token = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }`;
  await api.query(token, { input: { name: 'reporting' } });
  await api.query(token, { input: { name: 'backup' } });
  await api.queryAs(other, token, { input: { name: 'theirs' } });
  foreignOrganisation = await seedOrganisation(other, 'A stranger’s organisation');
});
afterAll(async () => {
  agent.destroy();
  await sqlPool?.end();
  await server?.stop();
  await api?.close();
});

async function checkProperty(
  label: string,
  profile: Profile,
  numRuns: number,
  where: 'server process' | 'in process',
): Promise<Tally> {
  const world = await createWorld(label, where === 'in process' ? `${api.url}/graphql` : server.graphqlUrl);
  const pool = new Pool(world);
  await pool.refresh();
  const tally: Tally = { cases: 0, succeeded: 0, codes: new Map() };
  const property = fc.asyncProperty(callArbitrary(profile), (call) => runCall(call, world, pool, tally));
  const details = await fc.check(property, {
    numRuns: Math.max(1, Math.round(numRuns * RUNS_SCALE)),
    includeErrorInReport: true,
    ...(SEED !== undefined ? { seed: SEED } : {}),
    ...(PATH !== undefined ? { path: PATH } : {}),
  });
  if (details.failed) {
    throw new Error(
      `Reproduce with: HOSTILE_SEED=${details.seed} HOSTILE_PATH=${details.counterexamplePath ?? ''} ` +
        `npx vitest run api/hostile-input.test.ts -t '${label}:'\n${fc.defaultReportMessage(details)}`,
    );
  }
  const violations = await newViolations(null);
  expect(violations, `invariants broken at the end:\n${lastCalls()}`).toEqual([]);
  console.info(
    `${label}: ${tally.cases} cases, ${tally.succeeded} succeeded; codes ${JSON.stringify(Object.fromEntries(tally.codes))}`,
  );
  // A property that never reaches the model proves little: some calls must succeed and change it.
  expect(tally.succeeded, JSON.stringify(Object.fromEntries(tally.codes))).toBeGreaterThan(0);
  return tally;
}

describe('hostile input to every mutation', () => {
  it('lists every Mutation field of the schema, and knows what each of their ID, Int and String fields holds', () => {
    expect(Object.keys(MUTATIONS).sort()).toEqual(Object.keys(MUTATION_FIELDS).sort());
    for (const mutation of Object.keys(MUTATIONS)) expect(() => argumentShapes(mutation)).not.toThrow();
    expect([...DOCUMENTED_CODES]).toContain('BAD_USER_INPUT');
  });

  // 2,900 + 2,600 + 2,600 + 1,900 = 10,000 cases, the four properties concurrently (see the top of the file).
  it.concurrent(
    'mixed: valid, odd and hostile values in every field',
    async () => {
      await checkProperty('mixed', 'mixed', 2_900, 'server process');
    },
    300_000,
  );

  it.concurrent(
    'ids: unknown, malformed, wrongly typed, deleted and other organisations’ ids',
    async () => {
      await checkProperty('ids', 'ids', 2_600, 'server process');
    },
    300_000,
  );

  it.concurrent(
    'types: bad numbers, wrong enum values, variables of the wrong type',
    async () => {
      await checkProperty('types', 'types', 2_600, 'in process');
    },
    300_000,
  );

  it.concurrent(
    'oversized: 10k-character strings, 5,000-element lists, bodies over 1 MB',
    async () => {
      await checkProperty('oversized', 'oversized', 1_900, 'in process');
    },
    300_000,
  );
});
