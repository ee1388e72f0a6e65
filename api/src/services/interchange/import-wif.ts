/**
 * Imports a USM-WIF workflow or workflow template as a new procedure of an organisation: activities matched
 * to the organisation's by process and name (unmatched ones reported, not imported), profiles to roles by id
 * or name, letters and (our extension) work instructions with tools. One transaction.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError } from '../../domain/errors';
import { matchKey, matchWifToModel } from '../../domain/interchange/wif-match';
import { parseWifText, type ParsedWif } from '../../domain/interchange/wif-parse';
import { normaliseRaci, type Raci } from '../../domain/derivation/responsibilities';
import type { ProcessKey } from '../../domain/usm';
import { validName } from '../../domain/validation';
import {
  Activity,
  Organisation,
  Procedure,
  ProcedureStep,
  Responsibility,
  Role,
  Tool,
  WorkInstruction,
  WorkInstructionTool,
  Workflow,
} from '../../persistence/entities';
import { lookupOrFail } from '../lookup';
import { inTransaction } from '../transaction';
import { InvalidDocumentError } from './import-model';
import { readOrganisationSnapshot } from './read-snapshot';

export interface ImportWifInput {
  organisationId: string;
  /** The file's text (untrusted). */
  text: string;
  name?: string | null;
}

export interface WifImportReport {
  procedure: Procedure;
  /** What was not imported, and why (JSON path of the WIF member, with a sentence). */
  skipped: { path: string; reason: string }[];
}

export function importWif(em: EntityManager, input: ImportWifInput): Promise<WifImportReport> {
  const parsed = parseWifText(input.text);
  if (!parsed.ok) throw new InvalidDocumentError('WIF document', parsed.problems);
  const wif = parsed.wif;
  const name = validName(input.name ?? wif.name ?? 'Imported workflow', 'input.name', 'procedure name');
  return inTransaction(em, async (tx) => {
    const organisation = await lookupOrFail(tx, Organisation, input.organisationId);
    const snapshot = await readOrganisationSnapshot(tx, organisation.id);
    const match = matchWifToModel(wif, snapshot);
    const skipped: WifImportReport['skipped'] = match.activities.flatMap((activity) =>
      activity.status === 'UNMATCHED' ? [{ path: activity.path, reason: activity.reason }] : [],
    );
    const matchedIds = new Map(
      match.activities.flatMap((activity) =>
        activity.status === 'MATCHED' ? [[activity.path, activity.activityId] as const] : [],
      ),
    );
    if (matchedIds.size === 0) {
      throw new BadUserInputError(
        `None of the document's activities matches an activity of this organisation (by process and name); ` +
          `first: ${skipped[0]?.reason ?? 'the document has no activities'}`,
        'input.document',
      );
    }
    const roleOfProfile = new Map(match.profiles.map((profile) => [profile.profile, profile.roleId]));
    const procedure = tx.create(Procedure, {
      organisation,
      name,
      ...(await sourceOf(tx, organisation, input.text, wif)),
    });
    const occurrences = new Map<string, number>();
    let position = 0;
    for (const step of wif.steps) {
      for (const activity of step.activities) {
        const activityId = matchedIds.get(activity.path);
        if (!activityId) continue;
        const occurrence = (occurrences.get(activityId) ?? 0) + 1;
        occurrences.set(activityId, occurrence);
        const live = tx.getReference(Activity, activityId);
        const procedureStep = tx.create(ProcedureStep, {
          organisation,
          procedure,
          activity: live,
          occurrence,
          position: ++position,
          depth: step.depth,
          processKey: step.process,
          activityName: snapshotName(snapshot, activityId),
        });
        let accountable = false;
        for (const responsibility of activity.responsibilities) {
          const roleId = roleOfProfile.get(responsibility.profile);
          const path = `${activity.path}.responsibilities.${responsibility.profile}`;
          if (!roleId) {
            skipped.push({
              path,
              reason: `No role of this organisation is profile "${responsibility.profile}".`,
            });
            continue;
          }
          let letters = normaliseRaci([...responsibility.letters] as Raci[]);
          if (letters.includes('A') && accountable) {
            skipped.push({ path, reason: 'A second Accountable on one step: its A was left out.' });
            letters = letters.filter((letter) => letter !== 'A');
          }
          accountable ||= letters.includes('A');
          if (letters.length > 0) {
            tx.create(Responsibility, {
              organisation,
              step: procedureStep,
              role: tx.getReference(Role, roleId),
              raci: letters,
            });
          }
        }
        for (const instruction of activity.workInstructions) {
          const roleId = roleOfProfile.get(instruction.profile);
          if (!roleId) continue;
          const created = tx.create(WorkInstruction, {
            organisation,
            procedure,
            step: procedureStep,
            role: tx.getReference(Role, roleId),
            text: instruction.text,
          });
          for (const tool of instruction.tools) {
            const toolId = toolIdOf(snapshot.tools, tool);
            if (toolId)
              tx.create(WorkInstructionTool, {
                workInstruction: created,
                tool: tx.getReference(Tool, toolId),
              });
            else
              skipped.push({
                path: `${activity.path}.x-usm-work-instructions`,
                reason: `No tool named "${tool.name}".`,
              });
          }
        }
      }
    }
    return { procedure, skipped };
  });
}

function snapshotName(
  snapshot: Awaited<ReturnType<typeof readOrganisationSnapshot>>,
  activityId: string,
): string {
  for (const process of snapshot.processes) {
    const activity = process.activities.find((candidate) => candidate.id === activityId);
    if (activity) return activity.name;
  }
  return '';
}

function toolIdOf(
  tools: readonly { id: string; name: string }[],
  tool: { id: string | null; name: string },
): string | null {
  const byId = tool.id ? tools.find((candidate) => candidate.id === tool.id) : undefined;
  if (byId) return byId.id;
  const byName = tools.filter((candidate) => matchKey(candidate.name) === matchKey(tool.name));
  return byName.length === 1 ? byName[0]!.id : null;
}

/**
 * The procedure's source: the workflow our own exports name (`x-usm-source`, `x-usm-workflow-number`), when the
 * organisation has it; otherwise the document's process (or its first step's).
 */
async function sourceOf(em: EntityManager, organisation: Organisation, text: string, wif: ParsedWif) {
  // Our exports write x-usm-source: { kind: 'workflow', 'workflow-number': n } or { kind: 'process', … }.
  const raw = JSON.parse(text) as Record<string, unknown>;
  const source = raw['x-usm-source'] as Record<string, unknown> | undefined;
  const number = source?.kind === 'workflow' ? source['workflow-number'] : raw['x-usm-workflow-number'];
  if (Number.isInteger(number)) {
    const workflow = await em.findOne(Workflow, { organisation, number: number as number });
    if (workflow)
      return { sourceKind: 'WORKFLOW' as const, sourceProcessKey: null, sourceWorkflow: workflow };
  }
  const process: ProcessKey = wif.process ?? wif.steps[0]?.process ?? 'AGREE';
  return { sourceKind: 'PROCESS' as const, sourceProcessKey: process, sourceWorkflow: null };
}
