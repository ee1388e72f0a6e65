import type { EntityManager } from '@mikro-orm/postgresql';
import {
  PROCESS_NAMES,
  PROCESS_PURPOSES,
  REFERENCE_HANDOVERS,
  REFERENCE_PROFILES,
  REFERENCE_PROCESSES,
  REFERENCE_WORKFLOWS,
} from '../domain/reference-model';
import { PROCESS_KEYS, type ProcessKey } from '../domain/usm';
import { Activity, Handover, Organisation, Process, Role, Workflow } from '../persistence/entities';

export const ORGANISATION_TEMPLATES = ['USM_REFERENCE', 'EMPTY', 'USM_DEMO'] as const;
export type OrganisationTemplate = (typeof ORGANISATION_TEMPLATES)[number];

/**
 * Fills a new organisation from a template. Every template gives the five processes and the eight
 * workflow routes (USM fixes both); USM_REFERENCE and USM_DEMO add the reference steps, hand-overs and the
 * four USM profiles as roles. Everything is persisted in the caller's transaction. USM_DEMO's sample
 * content (roles, tools, procedures, work instructions) is added afterwards by `addDemoContent`
 * (demo-organisation.ts), through the derivation services.
 */
export function applyTemplate(
  em: EntityManager,
  organisation: Organisation,
  template: OrganisationTemplate,
): void {
  const processes = new Map<ProcessKey, Process>();
  for (const key of PROCESS_KEYS) {
    processes.set(
      key,
      em.create(Process, { organisation, key, name: PROCESS_NAMES[key], purpose: PROCESS_PURPOSES[key] }),
    );
  }

  for (const route of REFERENCE_WORKFLOWS) {
    em.create(Workflow, {
      organisation,
      number: route.number,
      name: route.name,
      trigger: route.trigger,
      startProcess: route.startProcess,
      forkChoices: { ...route.forkChoices },
    });
  }

  if (template === 'EMPTY') return;

  const activities = new Map<string, Activity>();
  for (const reference of REFERENCE_PROCESSES) {
    reference.activities.forEach((step, index) => {
      const activity = em.create(Activity, {
        organisation,
        process: processes.get(reference.key)!,
        name: step.name,
        description: step.description,
        position: index + 1,
      });
      activities.set(`${reference.key}#${index + 1}`, activity);
    });
  }
  for (const handover of REFERENCE_HANDOVERS) {
    em.create(Handover, {
      organisation,
      fromActivity: activities.get(`${handover.process}#${handover.activityPosition}`)!,
      callType: handover.callType,
      kind: handover.kind,
    });
  }
  for (const profile of REFERENCE_PROFILES) {
    em.create(Role, { organisation, name: profile.name, description: profile.description });
  }
}
