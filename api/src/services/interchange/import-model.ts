/**
 * Creates a new organisation from a whole-model document, all or nothing: the document is checked first
 * (every problem reported with its JSON path), then everything is written in one transaction with new ids.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError } from '../../domain/errors';
import { checkModelDocument, type DocumentProblem } from '../../domain/interchange/model-document-check';
import type { ModelDocument } from '../../domain/interchange/model-document';
import type { Raci } from '../../domain/derivation/responsibilities';
import type { ProcessKey } from '../../domain/usm';
import { validName } from '../../domain/validation';
import {
  Activity,
  Handover,
  Membership,
  Organisation,
  Procedure,
  ProcedureStep,
  Process,
  Responsibility,
  Role,
  Tool,
  User,
  WorkInstruction,
  WorkInstructionTool,
  Workflow,
} from '../../persistence/entities';
import { inTransaction } from '../transaction';

/** A document that failed its check: every problem travels to the client in `extensions.problems`. */
export class InvalidDocumentError extends BadUserInputError {
  constructor(
    what: string,
    readonly problems: readonly DocumentProblem[],
  ) {
    super(
      `The ${what} has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported. ` +
        `First: ${problems[0]!.path} ${problems[0]!.message}.`,
      'input.document',
    );
  }
  override extensions() {
    return { field: this.field, problems: this.problems };
  }
}

export interface ImportModelInput {
  /** The parsed JSON (untrusted). */
  document: unknown;
  /** The new organisation's name; the document's by default. */
  name?: string | null;
  /** Becomes the new organisation's OWNER. */
  ownerId: string;
}

export function importModel(em: EntityManager, input: ImportModelInput): Promise<Organisation> {
  const check = checkModelDocument(input.document);
  if (!check.ok) throw new InvalidDocumentError('model document', check.problems);
  const document = check.document;
  const name = validName(input.name ?? document.organisation.name, 'input.name', 'organisation name');
  return inTransaction(em, async (tx) => {
    const organisation = tx.create(Organisation, {
      name,
      canvasArrangement: document.organisation.canvasArrangement ?? null,
    });
    tx.create(Membership, { organisation, user: tx.getReference(User, input.ownerId), role: 'OWNER' });
    writeModel(tx, organisation, document);
    return organisation;
  });
}

function writeModel(em: EntityManager, organisation: Organisation, document: ModelDocument): void {
  const processes = new Map<ProcessKey, Process>();
  const activities = new Map<string, Activity>();
  for (const entry of document.processes) {
    const process = em.create(Process, {
      organisation,
      key: entry.key,
      name: entry.name,
      purpose: entry.purpose,
    });
    processes.set(entry.key, process);
    entry.activities.forEach((item, index) => {
      const activity = em.create(Activity, {
        organisation,
        process,
        name: item.name,
        description: item.description,
        position: index + 1,
      });
      activities.set(item.id, activity);
      for (const handover of item.handovers) {
        em.create(Handover, {
          organisation,
          fromActivity: activity,
          callType: handover.callType,
          kind: handover.kind,
        });
      }
    });
  }
  const workflows = new Map<number, Workflow>();
  for (const entry of document.workflows) {
    const forkChoices = Object.fromEntries(
      entry.forkChoices.map((choice) => [choice.process, choice.target]),
    );
    workflows.set(
      entry.number,
      em.create(Workflow, {
        organisation,
        number: entry.number,
        name: entry.name,
        trigger: entry.trigger,
        startProcess: entry.startProcess,
        forkChoices,
      }),
    );
  }
  const roles = new Map(
    document.roles.map((entry) => [
      entry.id,
      em.create(Role, { organisation, name: entry.name.trim(), description: entry.description }),
    ]),
  );
  const tools = new Map(
    document.tools.map((entry) => [
      entry.id,
      em.create(Tool, { organisation, name: entry.name.trim(), description: entry.description }),
    ]),
  );

  for (const entry of document.procedures) {
    const procedure = em.create(Procedure, {
      organisation,
      name: entry.name,
      sourceKind: entry.source.kind,
      sourceProcessKey: entry.source.kind === 'PROCESS' ? entry.source.process : null,
      sourceWorkflow: entry.source.kind === 'WORKFLOW' ? workflows.get(entry.source.workflowNumber)! : null,
    });
    const steps = new Map<string, ProcedureStep>();
    entry.steps.forEach((item, index) => {
      // A step whose activity was deleted keeps pointing at a tombstone, as it does where it came from.
      const activity =
        (item.activityId !== null && activities.get(item.activityId)) ||
        em.create(Activity, {
          organisation,
          process: processes.get(item.process)!,
          name: item.name,
          description: '',
          position: 0,
          deletedAt: new Date(),
        });
      const step = em.create(ProcedureStep, {
        organisation,
        procedure,
        activity,
        occurrence: item.occurrence,
        position: index + 1,
        depth: item.depth,
        processKey: item.process,
        activityName: item.name,
        obsolete: item.obsolete,
      });
      steps.set(item.id, step);
      for (const responsibility of item.responsibilities) {
        em.create(Responsibility, {
          organisation,
          step,
          role: roles.get(responsibility.roleId)!,
          raci: [...responsibility.letters] as Raci[],
        });
      }
    });
    for (const item of entry.workInstructions) {
      const instruction = em.create(WorkInstruction, {
        organisation,
        procedure,
        step: steps.get(item.stepId)!,
        role: roles.get(item.roleId)!,
        text: item.text,
      });
      for (const toolId of new Set(item.toolIds)) {
        em.create(WorkInstructionTool, { workInstruction: instruction, tool: tools.get(toolId)! });
      }
    }
  }
}
