import { Activity, Organisation, Process, Role, Tool } from '@usm/api/src/persistence/entities';
import { parseGlobalId } from '@usm/api/src/graphql/global-id';
import type { TestApi } from './test-api';

/**
 * Bulk test data written straight through the ORM (one flush), for tests that need a large model fast.
 * Behaviour under test still goes through GraphQL; this only builds the scenery.
 */
export async function growOrganisation(
  api: TestApi,
  organisationGlobalId: string,
  factor: number,
): Promise<void> {
  const organisationId = parseGlobalId(organisationGlobalId)!.storedId;
  const em = api.database.orm.em.fork();
  const organisation = await em.findOneOrFail(Organisation, { id: organisationId });
  const processes = await em.find(Process, { organisation });
  for (const process of processes) {
    const existing = await em.count(Activity, { process, deletedAt: null });
    for (let index = 0; index < existing * (factor - 1); index += 1) {
      em.create(Activity, {
        organisation,
        process,
        name: `${process.key} extra ${index}`,
        position: existing + index + 1,
      });
    }
  }
  for (let index = 0; index < 4 * factor; index += 1) {
    em.create(Role, { organisation, name: `Role ${index}` });
    em.create(Tool, { organisation, name: `Tool ${index}` });
  }
  await em.flush();
}
