import { RuleViolation } from '../errors';
import { quoted, sendVersioned, type Command, type CommandContext } from '../commands/command';
import { keyOf, type InstructionKey } from './content';
import type { InstructionGateway, InstructionSnapshot } from './gateway';

/**
 * Runs an API call that creates work instructions and tells which ones it created (those it answers that
 * were not there before). On a redo the new ones are aliases of the first ones (same step and role), so
 * later commands in the history still find "their" instruction.
 */
export async function createdBy(
  gateway: InstructionGateway,
  procedureId: string,
  call: () => Promise<InstructionSnapshot[]>,
): Promise<{
  created: InstructionSnapshot[];
  before: Map<string, InstructionSnapshot>;
  after: InstructionSnapshot[];
}> {
  const before = new Map((await gateway.workInstructions(procedureId)).map((entry) => [entry.id, entry]));
  const after = await call();
  return { created: after.filter((entry) => !before.has(entry.id)), before, after };
}

export function aliasRecreated(
  context: CommandContext,
  first: readonly InstructionKey[],
  created: readonly InstructionSnapshot[],
): void {
  for (const key of first) {
    const again = created.find((entry) => entry.stepId === key.stepId && entry.roleId === key.roleId);
    if (again) context.alias(key.id, again.id);
  }
}

/**
 * "Derive work instructions": one per live step and Responsible role that has none yet. Undo deletes the
 * instructions it created (unless someone has written in them meanwhile); redo derives again.
 */
export class DeriveWorkInstructions implements Command {
  readonly name = 'DeriveWorkInstructions';
  readonly label: string;
  /** The instructions as first created (later re-creations are aliases of them). */
  private created: InstructionKey[] | null = null;

  constructor(
    private readonly gateway: InstructionGateway,
    private readonly procedureId: string,
    procedureName: string,
  ) {
    this.label = `Derive work instructions for ${quoted(procedureName)}`;
  }

  /** How many instructions it created. */
  get count(): number {
    return this.created?.length ?? 0;
  }

  async execute(context: CommandContext): Promise<void> {
    await this.derive(context);
    if (this.count === 0) {
      throw new RuleViolation(
        'Every Responsible role on a live step already has its work instruction: there was nothing to derive.',
      );
    }
  }

  async undo(context: CommandContext): Promise<void> {
    const edit = `Undo ${this.label}`;
    const current = new Map((await this.gateway.workInstructions(this.procedureId)).map((e) => [e.id, e]));
    const targets = (this.created ?? []).flatMap((key) => current.get(context.resolve(key.id)) ?? []);
    if (targets.some((entry) => entry.text.trim() !== '' || entry.toolIds.length > 0)) {
      throw new RuleViolation(
        'Some of the derived work instructions have a text or tools by now, so they were not deleted.',
      );
    }
    for (const entry of targets) {
      await sendVersioned(edit, 'Work instruction', entry.version, () =>
        this.gateway.deleteWorkInstruction({ id: entry.id, version: entry.version }),
      );
    }
  }

  redo(context: CommandContext): Promise<void> {
    return this.derive(context);
  }

  private async derive(context: CommandContext): Promise<void> {
    const { created } = await createdBy(this.gateway, this.procedureId, () =>
      this.gateway.deriveWorkInstructions(this.procedureId),
    );
    if (this.created) aliasRecreated(context, this.created, created);
    else this.created = created.map(keyOf);
  }
}
