import type { EntityManager } from '@mikro-orm/postgresql';
import { validCanvasArrangement } from '../domain/canvas-arrangement';
import { validName } from '../domain/validation';
import {
  Membership,
  Organisation,
  Responsibility,
  User,
  WorkInstruction,
  WorkInstructionTool,
} from '../persistence/entities';
import { addDemoContent } from './demo-organisation';
import { lookupOrFail } from './lookup';
import { applyTemplate, type OrganisationTemplate } from './organisation-template';
import { assertVersion, inTransaction } from './transaction';

export interface CreateOrganisationInput {
  name: string;
  template: OrganisationTemplate;
  /** Becomes the organisation's OWNER. */
  creatorId?: string | null;
}

export function createOrganisation(em: EntityManager, input: CreateOrganisationInput): Promise<Organisation> {
  const name = validName(input.name, 'input.name', 'organisation name');
  return inTransaction(em, async (tx) => {
    const demo = input.template === 'USM_DEMO';
    const organisation = tx.create(Organisation, { name, demo });
    applyTemplate(tx, organisation, input.template);
    if (input.creatorId) {
      tx.create(Membership, { organisation, user: tx.getReference(User, input.creatorId), role: 'OWNER' });
    }
    if (demo) await addDemoContent(tx, organisation);
    return organisation;
  });
}

export interface UpdateOrganisationInput {
  id: string;
  version: number;
  name?: string | null;
}

export function updateOrganisation(em: EntityManager, input: UpdateOrganisationInput): Promise<Organisation> {
  const name = input.name == null ? undefined : validName(input.name, 'input.name', 'organisation name');
  return inTransaction(em, async (tx) => {
    const organisation = await lookupOrFail(tx, Organisation, input.id, { lock: true });
    assertVersion(organisation, input.version, 'organisation');
    if (name !== undefined) organisation.name = name;
    return organisation;
  });
}

/** Saves (or, with null, forgets) how the studio arranges the process containers. */
export function arrangeCanvas(
  em: EntityManager,
  input: { id: string; version: number; columns?: readonly (readonly string[])[] | null },
): Promise<Organisation> {
  const columns = input.columns == null ? null : validCanvasArrangement(input.columns, 'input.columns');
  return inTransaction(em, async (tx) => {
    const organisation = await lookupOrFail(tx, Organisation, input.id, { lock: true });
    assertVersion(organisation, input.version, 'organisation');
    organisation.canvasArrangement = columns;
    return organisation;
  });
}

/** Deletes the organisation and everything in it (the foreign keys cascade). */
export function deleteOrganisation(
  em: EntityManager,
  input: { id: string; version: number },
): Promise<boolean> {
  return inTransaction(em, async (tx) => {
    const organisation = await lookupOrFail(tx, Organisation, input.id, { lock: true });
    assertVersion(organisation, input.version, 'organisation');
    // Roles and tools refuse deletion while procedures use them (no cascade on those keys), so what uses
    // them goes first; everything else cascades from the organisation.
    await tx.nativeDelete(WorkInstructionTool, { workInstruction: { organisation } });
    await tx.nativeDelete(WorkInstruction, { organisation });
    await tx.nativeDelete(Responsibility, { organisation });
    tx.remove(organisation);
    return true;
  });
}
