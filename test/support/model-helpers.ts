import { CREATE_ORGANISATION, WHOLE_MODEL, type ModelProcess, type WholeModel } from './operations';
import type { TestApi } from './test-api';

/** Small factories for API tests: create an organisation and read its model back. */
export async function createOrganisation(api: TestApi, name: string, template?: 'USM_REFERENCE' | 'EMPTY') {
  const data = await api.query(CREATE_ORGANISATION, { name, template });
  return data.createOrganisation as { id: string; name: string; version: number };
}

export async function readModel(api: TestApi, organisationId: string) {
  const { organisation } = await api.query<WholeModel>(WHOLE_MODEL, { id: organisationId });
  if (!organisation) throw new Error(`Organisation ${organisationId} not found`);
  return organisation;
}

export function processOf(model: { processes: ModelProcess[] }, key: string): ModelProcess {
  const process = model.processes.find((candidate) => candidate.key === key);
  if (!process) throw new Error(`No process ${key}`);
  return process;
}

export const ACTIVITY_FIELDS = 'id name description position version deleted';
