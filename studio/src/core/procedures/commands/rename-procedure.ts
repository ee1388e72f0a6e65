import { RuleViolation } from '../../errors';
import { quoted, sendVersioned, type Command, type CommandContext } from '../../commands/command';
import type { ProcedureGateway, ProcedureRecord } from '../gateway';
import { procedureOrFail } from './procedure-command';

export const PROCEDURE_NAME_MAX = 200;

/** Renames a procedure, sending the version it reads as it runs. Undo restores the previous name. */
export class RenameProcedure implements Command {
  readonly name = 'RenameProcedure';
  private readonly newName: string;
  private previousName: string | null = null;

  constructor(
    private readonly gateway: ProcedureGateway,
    private readonly procedureId: string,
    name: string,
  ) {
    this.newName = name.trim();
  }

  get label(): string {
    return this.previousName === null
      ? `Rename procedure to ${quoted(this.newName)}`
      : `Rename procedure ${quoted(this.previousName)} to ${quoted(this.newName)}`;
  }

  async execute(context: CommandContext): Promise<void> {
    if (!this.newName) throw new RuleViolation('A procedure needs a name.');
    if (this.newName.length > PROCEDURE_NAME_MAX) {
      throw new RuleViolation(`A procedure name has at most ${PROCEDURE_NAME_MAX} characters.`);
    }
    const current = await procedureOrFail(this.gateway, context.resolve(this.procedureId));
    this.previousName = current.name;
    await this.send(current, this.newName, this.label);
  }

  undo(context: CommandContext): Promise<void> {
    return this.rename(context, this.previousName!, `Undo ${this.label}`);
  }

  redo(context: CommandContext): Promise<void> {
    return this.rename(context, this.newName, `Redo ${this.label}`);
  }

  /** Nothing is kept between runs: every run reads the procedure's version afresh. */
  prepareRetry(): Promise<void> {
    this.previousName = null;
    return Promise.resolve();
  }

  private async rename(context: CommandContext, name: string, edit: string): Promise<void> {
    await this.send(await procedureOrFail(this.gateway, context.resolve(this.procedureId)), name, edit);
  }

  private async send(current: ProcedureRecord, name: string, edit: string): Promise<void> {
    await sendVersioned(edit, current.name, current.version, () =>
      this.gateway.updateProcedure({ id: current.id, version: current.version, name }),
    );
  }
}
