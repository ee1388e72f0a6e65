/**
 * The full-model read's hand-written baseline: one SQL statement building, with json_agg, the same JSON as
 * the suite's FULL_MODEL query (suites/full-model-read.ts checks it byte for byte), served as it is by a
 * bare Node http handler on its own pg pool (in a process of its own: baseline-server.ts).
 */
import { createServer, type Server } from 'node:http';
import pg from 'pg';

/** The GraphQL global id (base64url of "Type:uuid", unpadded) computed in SQL. */
const gid = (type: string, column: string) =>
  `translate(encode(convert_to('${type}:' || ${column}::text, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;

/** The same JSON as FULL_MODEL's response, in one statement. $1 is the organisation's stored id. */
export const BASELINE_SQL = `
with
instruction_tools as (
  select link.work_instruction_id,
         json_agg(json_build_object('id', ${gid('Tool', 'tool.id')}) order by tool.name) as list
  from work_instruction_tool link
  join work_instruction instruction on instruction.id = link.work_instruction_id
  join tool on tool.id = link.tool_id
  where instruction.organisation_id = $1
  group by link.work_instruction_id
),
instructions as (
  select instruction.step_id,
         json_agg(json_build_object(
           'id', ${gid('WorkInstruction', 'instruction.id')},
           'text', instruction.text,
           'version', instruction.version,
           'role', json_build_object('id', ${gid('Role', 'instruction.role_id')}),
           'tools', coalesce(instruction_tools.list, '[]'::json)
         ) order by instruction.created_at, instruction.id) as list
  from work_instruction instruction
  left join instruction_tools on instruction_tools.work_instruction_id = instruction.id
  where instruction.organisation_id = $1
  group by instruction.step_id
),
responsibilities as (
  select responsibility.step_id,
         json_agg(json_build_object(
           'role', json_build_object('id', ${gid('Role', 'responsibility.role_id')}),
           'raci', responsibility.raci
         ) order by responsibility.created_at, responsibility.id) as list
  from responsibility
  where responsibility.organisation_id = $1
  group by responsibility.step_id
),
steps as (
  select step.procedure_id,
         json_agg(json_build_object(
           'id', ${gid('ProcedureStep', 'step.id')},
           'position', step.position,
           'depth', step.depth,
           'obsolete', step.obsolete,
           'derivedName', step.activity_name,
           'activity', json_build_object('id', ${gid('Activity', 'step.activity_id')}),
           'responsibilities', coalesce(responsibilities.list, '[]'::json),
           'workInstructions', coalesce(instructions.list, '[]'::json)
         ) order by step.position) as list
  from procedure_step step
  left join responsibilities on responsibilities.step_id = step.id
  left join instructions on instructions.step_id = step.id
  where step.organisation_id = $1
  group by step.procedure_id
),
handovers as (
  select handover.from_activity_id,
         json_agg(json_build_object(
           'id', ${gid('Handover', 'handover.id')}, 'callType', handover.call_type, 'kind', handover.kind
         ) order by handover.kind, handover.call_type) as list
  from handover
  where handover.organisation_id = $1
  group by handover.from_activity_id
),
activities as (
  select activity.process_id,
         json_agg(json_build_object(
           'id', ${gid('Activity', 'activity.id')},
           'name', activity.name,
           'description', activity.description,
           'position', activity.position,
           'version', activity.version,
           'handovers', coalesce(handovers.list, '[]'::json)
         ) order by activity.position) as list
  from activity
  left join handovers on handovers.from_activity_id = activity.id
  where activity.organisation_id = $1 and activity.deleted_at is null
  group by activity.process_id
)
select json_build_object('data', json_build_object('organisation', json_build_object(
  'id', ${gid('Organisation', 'organisation.id')},
  'name', organisation.name,
  'version', organisation.version,
  'processes', (
    select coalesce(json_agg(json_build_object(
      'id', ${gid('Process', 'process.id')}, 'key', process.key, 'name', process.name,
      'purpose', process.purpose, 'version', process.version,
      'activities', coalesce(activities.list, '[]'::json)
    ) order by array_position(array['AGREE','CHANGE','RECOVER','OPERATE','IMPROVE'], process.key)), '[]'::json)
    from process left join activities on activities.process_id = process.id
    where process.organisation_id = organisation.id
  ),
  'workflows', (
    select coalesce(json_agg(json_build_object(
      'id', ${gid('Workflow', 'workflow.id')}, 'number', workflow.number, 'name', workflow.name,
      'trigger', workflow.trigger
    ) order by workflow.number), '[]'::json)
    from workflow where workflow.organisation_id = organisation.id
  ),
  'roles', (
    select coalesce(json_agg(json_build_object(
      'id', ${gid('Role', 'role.id')}, 'name', role.name, 'description', role.description, 'version', role.version
    ) order by role.name), '[]'::json)
    from role where role.organisation_id = organisation.id
  ),
  'tools', (
    select coalesce(json_agg(json_build_object(
      'id', ${gid('Tool', 'tool.id')}, 'name', tool.name, 'description', tool.description, 'version', tool.version
    ) order by tool.name), '[]'::json)
    from tool where tool.organisation_id = organisation.id
  ),
  'procedures', (
    select coalesce(json_agg(json_build_object(
      'id', ${gid('Procedure', 'procedure.id')}, 'name', procedure.name, 'version', procedure.version,
      'sourceKind', procedure.source_kind,
      'steps', coalesce(steps.list, '[]'::json)
    ) order by procedure.created_at, procedure.id), '[]'::json)
    from procedure left join steps on steps.procedure_id = procedure.id
    where procedure.organisation_id = organisation.id
  )
)))::text as body
from organisation where organisation.id = $1
`;

interface Baseline {
  url: string;
  close(): Promise<void>;
}

/** The baseline: `GET /?id=<stored id>` answers the one statement's text as it is. */
export async function startBaseline(databaseUrl: string): Promise<Baseline> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const server: Server = createServer((request, response) => {
    const id = new URL(request.url ?? '/', 'http://localhost').searchParams.get('id');
    pool.query<{ body: string }>(BASELINE_SQL, [id]).then(
      ({ rows }) => {
        response.setHeader('content-type', 'application/json');
        response.setHeader('x-sql-statements', '1');
        response.end(rows[0]?.body ?? '{"data":{"organisation":null}}');
      },
      (error: Error) => {
        response.statusCode = 500;
        response.end(error.message);
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}

export async function fetchBaseline(
  url: string,
  storedId: string,
): Promise<{ text: string; statements: number }> {
  const response = await fetch(`${url}?id=${storedId}`, { signal: AbortSignal.timeout(120_000) });
  const text = await response.text();
  if (!response.ok) throw new Error(`baseline failed: ${text}`);
  return { text, statements: Number(response.headers.get('x-sql-statements')) };
}
