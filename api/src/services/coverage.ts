import type { EntityManager } from '@mikro-orm/postgresql';
import { validMapping } from '../domain/coverage';
import { BadUserInputError, NotFoundError } from '../domain/errors';
import type { Framework } from '../domain/frameworks';
import { Activity, CoverageMapping, Organisation, Workflow } from '../persistence/entities';
import { liveActivityOrFail, lookupOrFail } from './lookup';
import { assertVersion, inTransaction } from './transaction';

export interface MapCoverageInput {
  organisationId: string;
  framework: Framework;
  itemKey: string;
  activityId?: string | null;
  workflowId?: string | null;
  rationale: string;
}

/** Records that an activity or a workflow of the organisation covers a framework item, and why. */
export function mapCoverage(em: EntityManager, input: MapCoverageInput): Promise<CoverageMapping> {
  const { rationale } = validMapping(input.framework, input.itemKey, input.rationale);
  if (!input.activityId === !input.workflowId) {
    throw new BadUserInputError('Map the item to exactly one activity or one workflow.', 'input.activityId');
  }
  return inTransaction(em, async (tx) => {
    const organisation = await lookupOrFail(tx, Organisation, input.organisationId);
    let activity: Activity | null = null;
    let workflow: Workflow | null = null;
    // Another organisation's activity or workflow is as unknown as a missing one.
    if (input.activityId) {
      activity = await liveActivityOrFail(tx, input.activityId);
      if (activity.organisation.id !== organisation.id) throw new NotFoundError('Activity', input.activityId);
    } else {
      workflow = await tx.findOne(Workflow, { id: input.workflowId!, organisation });
      if (!workflow) throw new NotFoundError('Workflow', input.workflowId!);
    }
    return tx.create(CoverageMapping, {
      organisation,
      framework: input.framework,
      itemKey: input.itemKey,
      activity,
      workflow,
      rationale,
    });
  });
}

export function unmapCoverage(em: EntityManager, input: { id: string; version: number }): Promise<boolean> {
  return inTransaction(em, async (tx) => {
    const mapping = await lookupOrFail(tx, CoverageMapping, input.id, { lock: true });
    assertVersion(mapping, input.version, 'coverage mapping');
    tx.remove(mapping);
    return true;
  });
}

/** The organisation's mappings of one framework (or all), with their targets, in one query. */
export function coverageMappingsOf(
  em: EntityManager,
  organisationId: string,
  framework?: Framework,
): Promise<CoverageMapping[]> {
  return em.find(
    CoverageMapping,
    { organisation: organisationId, ...(framework ? { framework } : {}) },
    { populate: ['activity', 'workflow'], orderBy: { itemKey: 'asc', createdAt: 'asc', id: 'asc' } },
  );
}
