import { loadProcedureContentRows } from '@usm/api/src/services/procedure-content-rows';
import { loadProcedureContents, type ResponsibilityRecord } from '@usm/api/src/services/procedure-contents';
import { Procedure } from '@usm/api/src/persistence/entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/test-api';

/**
 * The GraphQL loaders read procedure contents as plain rows (loadProcedureContentRows) rather than ORM
 * entities, for speed on large organisations. Whatever they read must be what the entities say: the same
 * steps, responsibilities, instructions and tools, in the same order, with the same column values,
 * timestamps included (read as epoch milliseconds there, parsed from text by the ORM here); of a
 * responsibility, what ResponsibilityRecord names.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

/** The fields both readers fill, relations reduced to their ids. */
function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(comparable);
  if (value instanceof Map) return [...value].map(([key, list]) => [key, comparable(list)]);
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(object)
        .filter((key) => !key.startsWith('_') && typeof object[key] !== 'function')
        .sort()
        .map((key) => {
          const field = object[key];
          const isReference = field && typeof field === 'object' && !(field instanceof Date) && 'id' in field;
          return [key, isReference ? (field as { id: string }).id : comparable(field)];
        }),
    );
  }
  return value;
}

describe('procedure contents read as rows', () => {
  it('equal the contents read as entities, on a demo organisation with instructions and tools', async () => {
    const { createOrganisation } = await api.query(
      `mutation { createOrganisation(input: { name: "Rows Co", template: USM_DEMO }) { id } }`,
    );
    expect(createOrganisation.id).toBeTruthy();
    const em = api.database.orm.em.fork();
    const procedures = await em.find(Procedure, {}, { fields: ['id'] });
    const ids = procedures.map((procedure) => procedure.id);
    expect(ids.length).toBeGreaterThan(3);

    const asEntities = await loadProcedureContents(em.fork(), ids);
    const asRows = await loadProcedureContentRows(em.fork(), ids);
    const instructions = [...asEntities.values()].flatMap((contents) => contents.instructions);
    const toolLinks = [...asEntities.values()].flatMap((contents) => [
      ...contents.toolsByInstruction.values(),
    ]);
    expect(instructions.length).toBeGreaterThan(0);
    expect(toolLinks.flat().length).toBeGreaterThan(0);

    for (const id of ids) {
      const entities = asEntities.get(id)!;
      const rows = asRows.get(id)!;
      expect(comparable(rows.steps)).toEqual(comparable(entities.steps));
      // Responsibilities are read as ResponsibilityRecord: step, role and letters.
      const records = (byStep: Map<string, ResponsibilityRecord[]>) =>
        [...byStep].map(([stepId, list]) => [
          stepId,
          list.map(({ step, role, raci }) => ({ step: step.id, role: role.id, raci })),
        ]);
      expect(records(rows.responsibilitiesByStep)).toEqual(records(entities.responsibilitiesByStep));
      expect([...rows.responsibilitiesByStep.values()].flat()[0]).toEqual({
        step: expect.any(Object),
        role: expect.any(Object),
        raci: expect.any(Array),
      });
      expect(comparable(rows.instructions)).toEqual(comparable(entities.instructions));
      expect(comparable(rows.instructionsByStep)).toEqual(comparable(entities.instructionsByStep));
      expect(comparable(rows.toolsByInstruction)).toEqual(comparable(entities.toolsByInstruction));
    }
  });
});
