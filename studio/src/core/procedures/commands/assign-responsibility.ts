import { quoted, sendVersioned, type Command, type CommandContext } from '../../commands/command';
import { lettersOf, type ProcedureGateway, type StepRecord } from '../gateway';
import { normaliseRaci, raciCode, type Raci } from '../raci';
import { stepOrFail } from './procedure-command';

/**
 * Replaces one role's letters on one step (one cell of the RACI matrix; [] takes the role off the step).
 * It reads the step's version as it runs and sends it. Undo restores the letters the cell had before.
 */
export class AssignResponsibility implements Command {
  readonly name = 'AssignResponsibility';
  private readonly letters: Raci[];
  private previous: readonly Raci[] | null = null;

  constructor(
    private readonly gateway: ProcedureGateway,
    private readonly target: { stepId: string; stepName: string; roleId: string; roleName: string },
    letters: readonly Raci[],
  ) {
    this.letters = normaliseRaci(letters);
  }

  get label(): string {
    const { roleName, stepName } = this.target;
    return this.letters.length === 0
      ? `Take ${quoted(roleName)} off ${quoted(stepName)}`
      : `Give ${quoted(roleName)} ${raciCode(this.letters)} on ${quoted(stepName)}`;
  }

  /** The letters the cell had before the edit (null until it ran). */
  get previousLetters(): readonly Raci[] | null {
    return this.previous;
  }

  async execute(context: CommandContext): Promise<void> {
    const step = await stepOrFail(this.gateway, context.resolve(this.target.stepId));
    this.previous = lettersOf(step, this.target.roleId);
    await this.send(step, this.letters, this.label);
  }

  async undo(context: CommandContext): Promise<void> {
    const step = await stepOrFail(this.gateway, context.resolve(this.target.stepId));
    await this.send(step, this.previous!, `Undo ${this.label}`);
  }

  async redo(context: CommandContext): Promise<void> {
    const step = await stepOrFail(this.gateway, context.resolve(this.target.stepId));
    await this.send(step, this.letters, `Redo ${this.label}`);
  }

  /** Nothing is kept between runs: every run reads the step's version and letters afresh. */
  prepareRetry(): Promise<void> {
    this.previous = null;
    return Promise.resolve();
  }

  private async send(step: StepRecord, raci: readonly Raci[], edit: string): Promise<void> {
    await sendVersioned(edit, step.name, step.version, () =>
      this.gateway.assignResponsibility({
        stepId: step.id,
        roleId: this.target.roleId,
        raci: [...raci],
        version: step.version,
      }),
    );
  }
}
