import { quoted, sendVersioned, type Command, type CommandContext } from '../../commands/command';
import { PROCESS_NAMES, type ProcessKey } from '../../usm';
import { lettersOf, type ProcedureGateway } from '../gateway';
import { normaliseRaci, raciCode, sameLetters, type Raci } from '../raci';
import { procedureOrFail, stepOrFail } from './procedure-command';

/**
 * "This role does everything in this process": the same letters for one role on every live step of one
 * process of a procedure (assignRoleToProcess). Undo restores, step by step, the letters the role had.
 */
export class AssignRoleToProcess implements Command {
  readonly name = 'AssignRoleToProcess';
  private readonly letters: Raci[];
  /** The role's letters on each live step of the process before the edit, by step id. */
  private previous = new Map<string, readonly Raci[]>();

  constructor(
    private readonly gateway: ProcedureGateway,
    private readonly target: {
      procedureId: string;
      roleId: string;
      roleName: string;
      processKey: ProcessKey;
    },
    letters: readonly Raci[],
  ) {
    this.letters = normaliseRaci(letters);
  }

  get label(): string {
    const process = PROCESS_NAMES[this.target.processKey];
    return this.letters.length === 0
      ? `Take ${quoted(this.target.roleName)} off every ${process} step`
      : `Give ${quoted(this.target.roleName)} ${raciCode(this.letters)} on every ${process} step`;
  }

  async execute(context: CommandContext): Promise<void> {
    const procedure = await procedureOrFail(this.gateway, context.resolve(this.target.procedureId));
    this.previous = new Map(
      procedure.steps
        .filter((step) => !step.obsolete && step.processKey === this.target.processKey)
        .map((step) => [step.id, lettersOf(step, this.target.roleId)]),
    );
    await this.assign(context);
  }

  async undo(context: CommandContext): Promise<void> {
    for (const [stepId, letters] of this.previous) {
      if (sameLetters(letters, this.letters)) continue;
      const step = await stepOrFail(this.gateway, context.resolve(stepId));
      await sendVersioned(`Undo ${this.label}`, step.name, step.version, () =>
        this.gateway.assignResponsibility({
          stepId: step.id,
          roleId: this.target.roleId,
          raci: [...letters],
          version: step.version,
        }),
      );
    }
  }

  redo(context: CommandContext): Promise<void> {
    return this.assign(context);
  }

  private async assign(context: CommandContext): Promise<void> {
    await this.gateway.assignRoleToProcess({
      procedureId: context.resolve(this.target.procedureId),
      roleId: this.target.roleId,
      processKey: this.target.processKey,
      raci: [...this.letters],
    });
  }
}
