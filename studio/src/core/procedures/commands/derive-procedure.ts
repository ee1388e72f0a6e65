import { quoted, sendVersioned, type Command, type CommandContext } from '../../commands/command';
import type { ProcessKey } from '../../usm';
import type { ProcedureGateway, ProcedureRecord } from '../gateway';
import { movedProcedures } from '../moved-ids';
import { procedureOrFail } from './procedure-command';

/** Where a procedure is derived from: one of the five processes or one of the eight workflows. */
export type ProcedureSource =
  | { readonly kind: 'process'; readonly processKey: ProcessKey; readonly name: string }
  | { readonly kind: 'workflow'; readonly number: number; readonly name: string };

/**
 * Derives a new procedure from a process or a workflow. Undo deletes it; redo derives it again (under a new
 * id, which later commands find through the id aliases: the procedure and, step by step, its steps).
 */
export class DeriveProcedure implements Command {
  readonly name = 'DeriveProcedure';
  private readonly procedureName: string | null;
  private createdId: string | null = null;
  private createdStepIds: string[] = [];

  constructor(
    private readonly gateway: ProcedureGateway,
    private readonly organisationId: string,
    private readonly source: ProcedureSource,
    name?: string,
  ) {
    this.procedureName = name?.trim() || null;
  }

  get label(): string {
    return `Derive procedure ${quoted(this.procedureName ?? this.source.name)}`;
  }

  /** The procedure's id as first derived (resolve it through the context for the current one). */
  get procedureId(): string | null {
    return this.createdId;
  }

  async execute(): Promise<void> {
    const procedure = await this.derive();
    this.createdId = procedure.id;
    this.createdStepIds = procedure.steps.map((step) => step.id);
  }

  async undo(context: CommandContext): Promise<void> {
    const current = await procedureOrFail(this.gateway, context.resolve(this.createdId!));
    await sendVersioned(`Undo ${this.label}`, current.name, current.version, () =>
      this.gateway.deleteProcedure({ id: current.id, version: current.version }),
    );
  }

  async redo(context: CommandContext): Promise<void> {
    const procedure = await this.derive();
    context.alias(this.createdId!, procedure.id);
    movedProcedures.alias(this.createdId!, procedure.id);
    // The same source gives the same steps in the same order (unless it changed meanwhile).
    this.createdStepIds.forEach((stepId, index) => {
      const step = procedure.steps[index];
      if (step) context.alias(stepId, step.id);
    });
  }

  private derive(): Promise<ProcedureRecord> {
    return this.gateway.deriveProcedure({
      organisationId: this.organisationId,
      name: this.procedureName,
      ...(this.source.kind === 'process'
        ? { processKey: this.source.processKey }
        : { workflowNumber: this.source.number }),
    });
  }
}
