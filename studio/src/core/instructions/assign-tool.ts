import { RuleViolation } from '../errors';
import { quoted, sendVersioned, type Command, type CommandContext } from '../commands/command';
import type { ProcessKey } from '../usm';
import { expectContent, keyOf, type InstructionKey } from './content';
import { aliasRecreated, createdBy } from './derive-instructions';
import type { InstructionGateway } from './gateway';

export interface ToolForProcess {
  readonly procedureId: string;
  readonly processKey: ProcessKey;
  readonly processName: string;
  readonly toolId: string;
  readonly toolName: string;
}

/**
 * "This tool for every step of a process": the API adds the tool to the instructions of the Responsible
 * roles on the process's live steps, creating the missing instructions. Undo takes the tool off the
 * instructions it added it to and deletes the ones it created; redo assigns again.
 */
export class AssignToolToProcess implements Command {
  readonly name = 'AssignToolToProcess';
  readonly label: string;
  private created: InstructionKey[] | null = null;
  /** The instructions it added the tool to (ids as first known), with the tools they had before. */
  private changed: { id: string; text: string; toolIds: readonly string[] }[] = [];

  constructor(
    private readonly gateway: InstructionGateway,
    private readonly input: ToolForProcess,
  ) {
    this.label = `Use ${quoted(input.toolName)} for every step of ${quoted(input.processName)}`;
  }

  async execute(context: CommandContext): Promise<void> {
    await this.assign(context);
    if (this.changed.length === 0 && (this.created?.length ?? 0) === 0) {
      throw new RuleViolation(
        `Every work instruction of ${this.input.processName} already uses ${quoted(this.input.toolName)}.`,
      );
    }
  }

  async undo(context: CommandContext): Promise<void> {
    const edit = `Undo ${this.label}`;
    const { procedureId, toolId } = this.input;
    const current = new Map((await this.gateway.workInstructions(procedureId)).map((e) => [e.id, e]));
    const restore = this.changed.flatMap((entry) => {
      const now = current.get(context.resolve(entry.id));
      if (!now) return [];
      expectContent(edit, 'Work instruction', now, { text: entry.text, toolIds: [...entry.toolIds, toolId] });
      return [{ now, toolIds: entry.toolIds }];
    });
    const remove = (this.created ?? []).flatMap((key) => {
      const now = current.get(context.resolve(key.id));
      if (now) expectContent(edit, 'Work instruction', now, { text: '', toolIds: [toolId] });
      return now ? [now] : [];
    });
    for (const { now, toolIds } of restore) {
      await sendVersioned(edit, 'Work instruction', now.version, () =>
        this.gateway.updateWorkInstruction({ id: now.id, version: now.version, text: now.text, toolIds }),
      );
    }
    for (const now of remove) {
      await sendVersioned(edit, 'Work instruction', now.version, () =>
        this.gateway.deleteWorkInstruction({ id: now.id, version: now.version }),
      );
    }
  }

  redo(context: CommandContext): Promise<void> {
    return this.assign(context);
  }

  private async assign(context: CommandContext): Promise<void> {
    const { procedureId, processKey, toolId } = this.input;
    const { created, before, after } = await createdBy(this.gateway, procedureId, () =>
      this.gateway.assignToolToProcess({ procedureId, processKey, toolId }),
    );
    this.changed = after.flatMap((entry) => {
      const old = before.get(entry.id);
      return old && !old.toolIds.includes(toolId) && entry.toolIds.includes(toolId)
        ? [{ id: entry.id, text: old.text, toolIds: [...old.toolIds] }]
        : [];
    });
    if (this.created) aliasRecreated(context, this.created, created);
    else this.created = created.map(keyOf);
  }
}
