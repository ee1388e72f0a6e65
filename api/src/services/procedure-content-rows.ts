import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProcedureStep, Tool, WorkInstruction } from '../persistence/entities';
import { groupContents, type ProcedureContents, type ResponsibilityRecord } from './procedure-contents';

/**
 * Procedure contents read without ORM entities, for read-only paths (the GraphQL loaders), where
 * hydrating tens of thousands of entities costs most of a large read. The same four statements as
 * `loadProcedureContents`, ids passed as one array parameter. Steps, instructions and tools carry every
 * column of their entity, relations as `{ id }` references, so mappers and domain read them like entities;
 * responsibilities carry what ResponsibilityRecord names. They must never be handed to an entity manager
 * (writes keep the ORM and `loadProcedureContents`).
 *
 * Each statement answers one JSON text of compact arrays (one per row, columns by position) rather than
 * rows: on a large organisation (~150,000 rows) pg's column-by-column decoding and a Date parsed from
 * text per timestamp cost more than the rest of the read; one JSON.parse and epoch milliseconds do not
 * (docs/benchmarks.md). test/api/procedure-content-rows.test.ts holds them equal to the entities.
 */
export async function loadProcedureContentRows(
  em: EntityManager,
  procedureIds: readonly string[],
): Promise<Map<string, ProcedureContents>> {
  const ids = [...procedureIds];
  if (ids.length === 0) return new Map();
  const list = `{${ids.join(',')}}`;
  const connection = em.getConnection();
  const context = em.getTransactionContext();
  // Every column of the statement's one row, parsed: each a JSON array of rows.
  const read = async (sql: string): Promise<unknown[][][]> => {
    const [row] = await connection.execute<Record<string, string>[]>(sql, [list], 'all', context);
    return Object.values(row!).map((json) => JSON.parse(json) as unknown[][]);
  };
  const refs = new References();
  // One after another: inside a transaction they share one connection, which must not queue queries.
  const [stepRows] = await read(
    asJson(`id, version, ${epochMs('created_at')}, ${epochMs('updated_at')}, organisation_id, procedure_id,
      activity_id, occurrence, position, depth, process_key, activity_name, obsolete`)(
      `from procedure_step where procedure_id = any(?::uuid[])`,
      'position, id',
    ),
  );
  // Built field by field, not spread from a shared base: this runs for every row.
  const steps = stepRows!.map(
    (row) =>
      ({
        id: row[0],
        version: row[1],
        createdAt: new Date(row[2] as number),
        updatedAt: new Date(row[3] as number),
        organisation: refs.get(row[4]),
        procedure: refs.get(row[5]),
        activity: refs.get(row[6]),
        occurrence: row[7],
        position: row[8],
        depth: row[9],
        processKey: row[10],
        activityName: row[11],
        obsolete: row[12],
      }) as unknown as ProcedureStep,
  );
  // Who holds which letters on which step: all any field asks of a responsibility (ResponsibilityRecord).
  const [responsibilityRows] = await read(
    asJson(`responsibility.step_id, responsibility.role_id, responsibility.raci`)(
      `from responsibility join procedure_step step on step.id = responsibility.step_id
       where step.procedure_id = any(?::uuid[])`,
      'responsibility.created_at, responsibility.id',
    ),
  );
  const responsibilities: ResponsibilityRecord[] = responsibilityRows!.map((row) => ({
    step: refs.get(row[0]),
    role: refs.get(row[1]),
    raci: row[2] as ResponsibilityRecord['raci'],
  }));
  const [instructionRows] = await read(
    asJson(`id, version, ${epochMs('created_at')}, ${epochMs('updated_at')}, organisation_id, procedure_id,
      step_id, role_id, text`)(`from work_instruction where procedure_id = any(?::uuid[])`, 'created_at, id'),
  );
  const instructions = instructionRows!.map(
    (row) =>
      ({
        id: row[0],
        version: row[1],
        createdAt: new Date(row[2] as number),
        updatedAt: new Date(row[3] as number),
        organisation: refs.get(row[4]),
        procedure: refs.get(row[5]),
        step: refs.get(row[6]),
        role: refs.get(row[7]),
        text: row[8],
      }) as unknown as WorkInstruction,
  );
  const links = instructions.length ? await readToolLinks(read, refs) : [];
  return groupContents(ids, steps, responsibilities, instructions, links);
}

/** Which tools each instruction names: the links as id pairs, each tool once. */
async function readToolLinks(
  read: (sql: string) => Promise<unknown[][][]>,
  refs: References,
): Promise<{ workInstructionId: string; tool: Tool }[]> {
  const [linkRows, toolRows] = await read(
    `with links as (
       select link.work_instruction_id, link.tool_id
       from work_instruction_tool link
       join work_instruction instruction on instruction.id = link.work_instruction_id
       where instruction.procedure_id = any(?::uuid[])
     )
     select (select coalesce(json_agg(json_build_array(work_instruction_id, tool_id)), '[]') from links)::text
         as links,
       (select coalesce(json_agg(json_build_array(tool.id, tool.version, ${epochMs('tool.created_at')},
          ${epochMs('tool.updated_at')}, tool.organisation_id, tool.name, tool.description)), '[]')
        from tool where tool.id in (select tool_id from links))::text as tools`,
  );
  const tools = new Map<string, Tool>();
  for (const row of toolRows!) {
    tools.set(
      row[0] as string,
      {
        id: row[0],
        version: row[1],
        createdAt: new Date(row[2] as number),
        updatedAt: new Date(row[3] as number),
        organisation: refs.get(row[4]),
        name: row[5],
        description: row[6],
      } as unknown as Tool,
    );
  }
  return linkRows!.map((row) => ({
    workInstructionId: row[0] as string,
    tool: tools.get(row[1] as string)!,
  }));
}

/** `select <columns> <from…>` as one JSON text: an array of rows, each an array of the columns in order. */
function asJson(columns: string) {
  return (from: string, orderBy: string) =>
    `select coalesce(json_agg(json_build_array(${columns}) order by ${orderBy}), '[]')::text as json ${from}`;
}

/**
 * A timestamp as epoch milliseconds: a number makes a Date ten times faster than parsing PostgreSQL's
 * text. In float8 arithmetic, which is several times cheaper than extract()'s numeric here: date_part is
 * the stored microseconds divided by 10^6, so rounding after multiplying back gives them exactly, and
 * floor() truncates to milliseconds as parsing the text does.
 */
function epochMs(column: string): string {
  return `floor(round(date_part('epoch', ${column}) * 1000000) / 1000)`;
}

/** One `{ id }` object per id and read (organisations, procedures, steps and roles recur on many rows). */
class References {
  private readonly byId = new Map<string, { id: string }>();

  get(id: unknown): { id: string } {
    let reference = this.byId.get(id as string);
    if (!reference) {
      reference = { id: id as string };
      this.byId.set(id as string, reference);
    }
    return reference;
  }
}
