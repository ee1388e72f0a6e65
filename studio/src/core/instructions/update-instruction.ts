import { quoted, sendVersioned, type Command, type CommandContext } from '../commands/command';
import { contentOf, expectContent, instructionOrFail, type InstructionContent } from './content';
import type { InstructionGateway } from './gateway';

export interface InstructionEdit {
  readonly instructionId: string;
  /** The version the user edited (sent with the save, so a change made meanwhile is not overwritten). */
  readonly version: number;
  readonly roleName: string;
  readonly stepName: string;
  /** What the instruction said when the user started editing. */
  readonly previous: InstructionContent;
  readonly next: InstructionContent;
}

/**
 * Saves a work instruction's text and tools. Undo restores the previous text and tools, redo saves the new
 * ones again — each only while the instruction still says what the command left there.
 */
export class UpdateWorkInstruction implements Command {
  readonly name = 'UpdateWorkInstruction';
  readonly label: string;
  private version: number;
  private previous: InstructionContent;
  private readonly next: InstructionContent;
  /** The instruction's id as last resolved (a redone derive may have re-created it). */
  private currentId: string;

  constructor(
    private readonly gateway: InstructionGateway,
    private readonly edit: InstructionEdit,
  ) {
    this.label = `Edit the work instruction of ${quoted(edit.roleName)} for ${quoted(edit.stepName)}`;
    this.version = edit.version;
    this.currentId = edit.instructionId;
    this.previous = { text: edit.previous.text, toolIds: [...edit.previous.toolIds] };
    this.next = { text: edit.next.text, toolIds: [...new Set(edit.next.toolIds)] };
  }

  private get objectName(): string {
    return `${this.edit.roleName} on ${this.edit.stepName}`;
  }

  async execute(context: CommandContext): Promise<void> {
    const id = (this.currentId = context.resolve(this.edit.instructionId));
    const saved = await sendVersioned(this.label, this.objectName, this.version, () =>
      this.gateway.updateWorkInstruction({ id, version: this.version, ...this.next }),
    );
    this.version = saved.version;
  }

  undo(context: CommandContext): Promise<void> {
    return this.replace(context, `Undo ${this.label}`, this.next, this.previous);
  }

  redo(context: CommandContext): Promise<void> {
    return this.replace(context, `Redo ${this.label}`, this.previous, this.next);
  }

  /** "Reload and apply my edit": apply the same text and tools on top of what the instruction says now. */
  async prepareRetry(): Promise<void> {
    const current = await instructionOrFail(this.gateway, this.currentId);
    this.version = current.version;
    this.previous = contentOf(current);
  }

  private async replace(
    context: CommandContext,
    edit: string,
    expected: InstructionContent,
    content: InstructionContent,
  ): Promise<void> {
    this.currentId = context.resolve(this.edit.instructionId);
    const current = await instructionOrFail(this.gateway, this.currentId);
    expectContent(edit, this.objectName, current, expected);
    const saved = await sendVersioned(edit, this.objectName, current.version, () =>
      this.gateway.updateWorkInstruction({ id: current.id, version: current.version, ...content }),
    );
    this.version = saved.version;
  }
}
